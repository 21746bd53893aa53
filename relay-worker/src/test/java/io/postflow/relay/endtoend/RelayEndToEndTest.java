package io.postflow.relay.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatusCodec;
import io.postflow.relay.adapter.kafka.RelayWorkers;
import io.postflow.relay.outbound.OutboundTransport;
import io.postflow.relay.outbound.SmtpOutboundTransport;
import io.postflow.relay.retry.RetryStateCodec;
import io.postflow.relay.support.DsnParser;
import io.postflow.relay.support.MovableClock;
import io.postflow.relay.support.TopicReader;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.smtp.ReceivedTransaction;
import io.postflow.testkit.smtp.SmtpSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #5's acceptance in one JVM: a {@code mail.accepted} record goes through routing, MX
 * resolution against a real DNS responder and the real SMTP client to SMTP sinks on 127.0.0.x;
 * temporary failures wait on a retry tier, permanent ones come back as a DSN through
 * {@code mail.deliver}.
 */
@QuarkusTest
@TestProfile(RealTransportProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RemoteWorldResource.class)
class RelayEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    RemoteWorld world;
    @Inject
    OutboundTransport transport;
    @Inject
    MovableClock clock;
    @Inject
    DirectoryView directory;
    @Inject
    RelayWorkers workers;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void directoryAndWorkers() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        for (DirectoryEntry e : List.of(new DirectoryEntry.LocalDomain("local.test"),
                new DirectoryEntry.Account("sender@local.test"))) {
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(e), DirectoryCodec.encode(e)))
                    .get(10, TimeUnit.SECONDS);
        }
        await().atMost(WAIT).until(() -> directory.loaded() && workers.running()
                && directory.resolve(MailAddress.parse("sender@local.test")) instanceof DirectoryView.Resolution.LocalAccount);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    /** Publishes a message as smtp-ingress would and returns it with its trace id. */
    private Accepted accept(String sender, String... recipients) throws Exception {
        String traceId = TraceIds.newTraceId();
        Envelope envelope = Envelope.of(traceId, sender, MailParameters.NONE,
                List.of(recipients).stream().map(Recipient::of).toList(), "192.0.2.7", "client.test", null, null, clock.instant());
        // A line starting with a dot (dot-stuffed on the wire under DATA) must reach the sink unchanged.
        byte[] message = ("Received: from client.test by mx.local.test; " + traceId + "\r\nFrom: " + sender
                + "\r\nSubject: end to end " + traceId + "\r\nMessage-ID: <" + traceId + "@client.test>\r\n\r\nHello.\r\n"
                + ".a line starting with a dot\r\n").getBytes(StandardCharsets.US_ASCII);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MAIL_ACCEPTED, traceId, message);
        record.headers().add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        record.headers().add(EnvelopeCodec.TRACE_ID_HEADER, traceId.getBytes(StandardCharsets.US_ASCII));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return new Accepted(traceId, message);
    }

    private record Accepted(String traceId, byte[] message) {
        /** The message this test accepted, as a sink received it (no header is added on the way). */
        boolean in(ReceivedTransaction t) {
            return new String(t.data(), StandardCharsets.ISO_8859_1).contains("Subject: end to end " + traceId + "\r\n");
        }
    }

    private static ReceivedTransaction received(SmtpSink sink, Accepted message) {
        await().atMost(WAIT).until(() -> sink.transactions().stream().anyMatch(message::in));
        return sink.transactions().stream().filter(message::in).findFirst().orElseThrow();
    }

    private List<DeliveryStatus> statuses(String traceId, int count) {
        return TopicReader.await(bootstrap, Topics.MAIL_STATUS, count, r -> traceId.equals(r.key()), WAIT).stream()
                .map(r -> DeliveryStatusCodec.decode(r.value())).toList();
    }

    private static Envelope envelope(ConsumerRecord<String, byte[]> r) {
        return EnvelopeCodec.decode(r.headers().lastHeader(EnvelopeCodec.HEADER).value());
    }

    @Test
    void theRealSmtpTransportIsTheOneInUse() {
        assertThat(transport).isInstanceOf(SmtpOutboundTransport.class);
    }

    @Test
    void theSinkReceivesExactlyTheAcceptedBytesFromThePreferredMx() throws Exception {
        Accepted message = accept("someone@origin.test", "dora@near.test", "ed@near.test");

        ReceivedTransaction t = received(world.preferred, message);
        assertThat(t.data()).isEqualTo(message.message());
        assertThat(t.localAddress()).isEqualTo("127.0.0.2");
        assertThat(t.mailFrom()).isEqualTo("someone@origin.test");
        assertThat(t.acceptedRecipients()).containsExactly("dora@near.test", "ed@near.test");
        assertThat(t.helo()).isEqualTo("relay.test");
        assertThat(world.backup.transactions()).noneMatch(message::in);
        assertThat(statuses(message.traceId(), 2)).extracting(s -> s.recipient() + " " + s.outcome() + " " + s.status())
                .containsExactlyInAnyOrder("dora@near.test DELIVERED 2.0.0", "ed@near.test DELIVERED 2.0.0");
    }

    @Test
    void whenThePreferredMxRefusesTheNextOneGetsTheMessage() throws Exception {
        Accepted message = accept("someone@origin.test", "fay@fallback.test");

        ReceivedTransaction t = received(world.backup, message);
        assertThat(t.localAddress()).isEqualTo("127.0.0.3");
        assertThat(t.data()).isEqualTo(message.message());
        assertThat(world.refusing.connections()).as("the preferred MX was tried first").isGreaterThan(0);
        assertThat(world.refusing.transactions()).isEmpty();
        assertThat(statuses(message.traceId(), 1)).singleElement()
                .satisfies(s -> assertThat(s.outcome()).isEqualTo(DeliveryStatus.Outcome.DELIVERED));
    }

    @Test
    void aTemporaryRefusalWaitsOnARetryTierAndIsDeliveredWhenDueAndAccepted() throws Exception {
        world.greylisted.add("gil@grey.test");
        Accepted message = accept("someone@origin.test", "gil@grey.test");

        ConsumerRecord<String, byte[]> retry = TopicReader.await(bootstrap, Topics.MAIL_RETRY_1M, 1,
                r -> message.traceId().equals(r.key()), WAIT).get(0);
        assertThat(envelope(retry).recipients()).extracting(Recipient::address).containsExactly("gil@grey.test");
        assertThat(RetryStateCodec.decode(retry.headers().lastHeader(RetryStateCodec.HEADER).value()).attempts()).isEqualTo(1);
        assertThat(statuses(message.traceId(), 1)).singleElement()
                .satisfies(s -> assertThat(s.outcome() + " " + s.status()).isEqualTo("DEFERRED 4.7.1"));
        assertThat(world.greylisting.transactions()).noneMatch(t -> message.in(t) && !t.acceptedRecipients().isEmpty());

        world.greylisted.remove("gil@grey.test");
        Thread.sleep(1500);
        assertThat(world.greylisting.transactions()).as("not due yet").noneMatch(t -> message.in(t) && !t.acceptedRecipients().isEmpty());
        clock.advance(Duration.ofMinutes(2));

        await().atMost(WAIT).until(() -> world.greylisting.transactions().stream()
                .anyMatch(t -> message.in(t) && t.acceptedRecipients().contains("gil@grey.test")));
        ReceivedTransaction delivered = world.greylisting.transactions().stream()
                .filter(t -> message.in(t) && !t.acceptedRecipients().isEmpty()).findFirst().orElseThrow();
        assertThat(delivered.data()).isEqualTo(message.message());
        assertThat(statuses(message.traceId(), 2)).extracting(s -> s.outcome() + " " + s.status())
                .containsExactly("DEFERRED 4.7.1", "DELIVERED 2.0.0");
    }

    @Test
    void aPermanentRefusalComesBackAsADsnDeliveredToTheLocalSender() throws Exception {
        Accepted message = accept("sender@local.test", "hal@reject.test");

        Predicate<ConsumerRecord<String, byte[]>> dsnAbout = r -> r.headers().lastHeader(EnvelopeCodec.HEADER) != null
                && envelope(r).isNullSender()
                && new String(r.value(), StandardCharsets.UTF_8).contains("X-Postflow-Trace-Id: " + message.traceId());
        ConsumerRecord<String, byte[]> dsn = TopicReader.await(bootstrap, Topics.MAIL_DELIVER, 1, dsnAbout, WAIT).get(0);
        assertThat(envelope(dsn).recipients()).extracting(Recipient::address).containsExactly("sender@local.test");
        DsnParser p = new DsnParser(dsn.value());
        assertThat(p.message.getMimeType()).isEqualTo("multipart/report");
        assertThat(p.header("Content-Type")).contains("report-type=delivery-status");
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; hal@reject.test");
        assertThat(p.field(1, "Action")).isEqualTo("failed");
        assertThat(p.field(1, "Status")).isEqualTo("5.1.1");
        assertThat(p.field(1, "Remote-MTA")).contains("mx.reject.test");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 <hal@reject.test>: no such user");
        assertThat(statuses(message.traceId(), 1)).singleElement()
                .satisfies(s -> assertThat(s.outcome() + " " + s.status()).isEqualTo("FAILED 5.1.1"));
    }

    @Test
    void starttlsAndBdatAreUsedWhenOffered() throws Exception {
        Accepted message = accept("someone@origin.test", "ida@modern.test");

        ReceivedTransaction t = received(world.modern, message);
        assertThat(t.tls()).isTrue();
        assertThat(t.bdat()).isTrue();
        assertThat(t.data()).isEqualTo(message.message());
    }
}
