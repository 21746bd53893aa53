package io.postflow.relay.adapter.kafka;

import static io.postflow.relay.support.ScriptedTransport.permanent;
import static io.postflow.relay.support.ScriptedTransport.temporary;
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
import io.postflow.relay.outbound.OutboundRequest;
import io.postflow.relay.retry.RetryStateCodec;
import io.postflow.relay.support.DsnParser;
import io.postflow.relay.support.MovableClock;
import io.postflow.relay.support.ScriptedTransport;
import io.postflow.relay.support.TopicReader;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * The relay against the real test broker: records on {@code directory.addresses} and
 * {@code mail.accepted} in, {@code mail.deliver}, retry tiers, DSNs on {@code mail.accepted} and
 * {@code mail.status} out; remote delivery through the scripted transport; time moved by the test clock.
 */
@QuarkusTest
// Same resources in every @QuarkusTest of this module: one application, one test broker.
@WithTestResource(KafkaTestResource.class)
class RelayServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ScriptedTransport transport;
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
                new DirectoryEntry.Account("alice@local.test"), new DirectoryEntry.Account("bob@local.test"),
                new DirectoryEntry.Account("sender@local.test"),
                new DirectoryEntry.Alias("team@local.test", List.of("alice@local.test", "bob@local.test", "carol@remote.test")))) {
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(e), DirectoryCodec.encode(e)))
                    .get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.loaded() && workers.running()
                && directory.resolve(MailAddress.parse("team@local.test")) instanceof DirectoryView.Resolution.LocalAlias);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private String accept(String sender, MailParameters parameters, Recipient... recipients) throws Exception {
        String traceId = TraceIds.newTraceId();
        // Received "now" on the relay's clock, which earlier tests may have moved ahead.
        Envelope envelope = Envelope.of(traceId, sender, parameters, List.of(recipients), "192.0.2.7", "client.test", null,
                null, clock.instant());
        byte[] message = ("Received: from client.test by mx.local.test; " + traceId + "\r\nFrom: " + sender
                + "\r\nSubject: test " + traceId + "\r\nMessage-ID: <" + traceId + "@client.test>\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MAIL_ACCEPTED, traceId, message);
        record.headers().add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        record.headers().add(EnvelopeCodec.TRACE_ID_HEADER, traceId.getBytes(StandardCharsets.US_ASCII));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return traceId;
    }

    private static Envelope envelope(ConsumerRecord<String, byte[]> r) {
        return EnvelopeCodec.decode(r.headers().lastHeader(EnvelopeCodec.HEADER).value());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> trace(String traceId) {
        return r -> traceId.equals(r.key());
    }

    /** DSNs about {@code traceId}: on mail.accepted, from <>, naming the original trace id in the report. */
    private static Predicate<ConsumerRecord<String, byte[]>> dsnAbout(String traceId) {
        return r -> r.headers().lastHeader(EnvelopeCodec.HEADER) != null && envelope(r).isNullSender()
                && new String(r.value(), StandardCharsets.UTF_8).contains("X-Postflow-Trace-Id: " + traceId);
    }

    private List<DeliveryStatus> statuses(String traceId, int count) {
        return TopicReader.await(bootstrap, Topics.MAIL_STATUS, count, trace(traceId), WAIT).stream()
                .map(r -> DeliveryStatusCodec.decode(r.value())).toList();
    }

    @Test
    void localAccountsInOneDeliverRecordAndRemoteRecipientsGroupedByDomain() throws Exception {
        String traceId = accept("someone@origin.test", MailParameters.NONE, Recipient.of("team@local.test"),
                Recipient.of("alice@local.test"), Recipient.of("dave@remote.test"), Recipient.of("erin@other.test"));

        ConsumerRecord<String, byte[]> deliver = TopicReader.await(bootstrap, Topics.MAIL_DELIVER, 1, trace(traceId), WAIT).get(0);
        assertThat(envelope(deliver).recipients()).extracting(Recipient::address).containsExactly("alice@local.test", "bob@local.test");
        assertThat(new String(deliver.value(), StandardCharsets.US_ASCII)).contains("Subject: test " + traceId);

        List<DeliveryStatus> statuses = statuses(traceId, 3);
        assertThat(statuses).extracting(s -> s.recipient() + " " + s.outcome()).containsOnly(
                "carol@remote.test DELIVERED", "dave@remote.test DELIVERED", "erin@other.test DELIVERED");
        assertThat(statuses).allSatisfy(s -> assertThat(s.reporter()).isEqualTo("relay-worker"));
        // At-least-once: a pass that failed (e.g. broker metadata not yet there) is repeated in full.
        List<OutboundRequest> requests = transport.requestsFor(traceId);
        assertThat(requests).extracting(OutboundRequest::domain).containsOnly("remote.test", "other.test")
                .contains("remote.test", "other.test");
        assertThat(requests.stream().filter(r -> r.domain().equals("remote.test")).findFirst().orElseThrow().recipients())
                .extracting(Recipient::address).containsExactly("carol@remote.test", "dave@remote.test");
        // Never one record per recipient: each copy (a redelivery repeats it) carries every local account.
        assertThat(TopicReader.all(bootstrap, Topics.MAIL_DELIVER, trace(traceId))).allSatisfy(r ->
                assertThat(envelope(r).recipients()).extracting(Recipient::address).containsExactly("alice@local.test", "bob@local.test"));
    }

    @Test
    void temporaryFailureWaitsOnARetryTierAndIsRetriedWhenTheClockAdvances() throws Exception {
        transport.answer("frank@remote.test", temporary("4.2.0", "451 4.2.0 greylisted"));
        String traceId = accept("someone@origin.test", MailParameters.NONE, Recipient.of("frank@remote.test"),
                Recipient.of("gina@remote.test"));

        ConsumerRecord<String, byte[]> retry = TopicReader.await(bootstrap, Topics.MAIL_RETRY_1M, 1, trace(traceId), WAIT).get(0);
        assertThat(envelope(retry).recipients()).extracting(Recipient::address).containsExactly("frank@remote.test");
        assertThat(RetryStateCodec.decode(retry.headers().lastHeader(RetryStateCodec.HEADER).value()).attempts()).isEqualTo(1);
        assertThat(statuses(traceId, 2)).extracting(s -> s.recipient() + " " + s.outcome() + " " + s.status())
                .containsExactlyInAnyOrder("frank@remote.test DEFERRED 4.2.0", "gina@remote.test DELIVERED 2.0.0");

        Thread.sleep(1500);
        assertThat(transport.requestsFor(traceId)).as("not due yet: the tier partition is paused").hasSize(1);
        transport.answer("frank@remote.test", ScriptedTransport::delivered);
        clock.advance(Duration.ofMinutes(2));

        await().atMost(WAIT).until(() -> transport.requestsFor(traceId).size() == 2);
        assertThat(transport.requestsFor(traceId).get(1).recipients()).extracting(Recipient::address)
                .as("only the pending recipient").containsExactly("frank@remote.test");
        assertThat(statuses(traceId, 3)).extracting(s -> s.recipient() + " " + s.outcome())
                .contains("frank@remote.test DELIVERED");
    }

    @Test
    void permanentFailureBouncesADsnFromTheNullSenderThatIsDeliveredLocally() throws Exception {
        transport.answer("grace@remote.test", permanent("5.1.1", "550 5.1.1 <grace@remote.test>: no such user"));
        String traceId = accept("sender@local.test", new MailParameters(null, false, null, "ENV-7", null),
                new Recipient("grace@remote.test", java.util.Set.of(), "rfc822;grace@remote.test"));

        ConsumerRecord<String, byte[]> dsn = TopicReader.await(bootstrap, Topics.MAIL_ACCEPTED, 1, dsnAbout(traceId), WAIT).get(0);
        Envelope dsnEnvelope = envelope(dsn);
        assertThat(dsnEnvelope.mailFrom()).isEmpty();
        assertThat(dsnEnvelope.recipients()).extracting(Recipient::address).containsExactly("sender@local.test");
        DsnParser p = new DsnParser(dsn.value());
        assertThat(p.header("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(p.field(0, "Original-Envelope-Id")).isEqualTo("ENV-7");
        assertThat(p.field(1, "Action")).isEqualTo("failed");
        assertThat(p.field(1, "Status")).isEqualTo("5.1.1");
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; grace@remote.test");
        assertThat(p.field(1, "Original-Recipient")).isEqualTo("rfc822; grace@remote.test");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 <grace@remote.test>: no such user");
        assertThat(statuses(traceId, 1)).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(DeliveryStatus.Outcome.FAILED);
            assertThat(s.status()).isEqualTo("5.1.1");
        });
        // The DSN itself is routed like any message: to the local sender's mailbox.
        ConsumerRecord<String, byte[]> delivered = TopicReader.await(bootstrap, Topics.MAIL_DELIVER, 1,
                trace(dsnEnvelope.traceId()), WAIT).get(0);
        assertThat(envelope(delivered).recipients()).extracting(Recipient::address).containsExactly("sender@local.test");
        assertThat(envelope(delivered).isNullSender()).isTrue();
    }

    @Test
    void failureOfAMessageFromTheNullSenderIsReportedButNeverBounced() throws Exception {
        transport.answer("hank@remote.test", permanent("5.1.1", "550 5.1.1 no such user"));
        String traceId = accept("", MailParameters.NONE, Recipient.of("hank@remote.test"));

        // The status is written after any DSN would have been: once it is there, no DSN can follow.
        assertThat(statuses(traceId, 1)).singleElement().extracting(DeliveryStatus::outcome).isEqualTo(DeliveryStatus.Outcome.FAILED);
        assertThat(TopicReader.all(bootstrap, Topics.MAIL_ACCEPTED, dsnAbout(traceId))).isEmpty();
    }

    @Test
    void delayNoticeOnceAfterFourHoursThenExpiryBounceAfterTheLifetime() throws Exception {
        transport.answer("ivan@remote.test", temporary("4.4.1", "421 4.4.1 try again later"));
        String traceId = accept("sender@local.test", MailParameters.NONE, Recipient.of("ivan@remote.test"));
        TopicReader.await(bootstrap, Topics.MAIL_RETRY_1M, 1, trace(traceId), WAIT);

        clock.advance(Duration.ofHours(4).plusMinutes(1));
        ConsumerRecord<String, byte[]> delayed = TopicReader.await(bootstrap, Topics.MAIL_ACCEPTED, 1, dsnAbout(traceId), WAIT).get(0);
        DsnParser notice = new DsnParser(delayed.value());
        assertThat(notice.field(1, "Action")).isEqualTo("delayed");
        assertThat(notice.field(1, "Status")).isEqualTo("4.4.1");
        assertThat(notice.field(1, "Will-Retry-Until")).isNotNull();
        TopicReader.await(bootstrap, Topics.MAIL_RETRY_10M, 1, trace(traceId), WAIT);

        clock.advance(Duration.ofDays(5));
        List<ConsumerRecord<String, byte[]>> dsns = TopicReader.await(bootstrap, Topics.MAIL_ACCEPTED, 2, dsnAbout(traceId), WAIT);
        DsnParser bounce = new DsnParser(dsns.get(1).value());
        assertThat(bounce.field(1, "Action")).isEqualTo("failed");
        assertThat(bounce.field(1, "Status")).isEqualTo("4.4.7");
        assertThat(bounce.field(1, "Diagnostic-Code")).isEqualTo("smtp; 421 4.4.1 try again later");
        assertThat(statuses(traceId, 3)).extracting(s -> s.outcome() + " " + s.status())
                .containsExactly("DEFERRED 4.4.1", "DEFERRED 4.4.1", "FAILED 5.4.7");
    }

    @Test
    void localFailureReportedByMailboxServiceIsBouncedFromTheDeliverRecord() throws Exception {
        String traceId = accept("someone@origin.test", MailParameters.NONE, Recipient.of("team@local.test"));
        TopicReader.await(bootstrap, Topics.MAIL_DELIVER, 1, trace(traceId), WAIT);
        transport.answer("carol@remote.test", ScriptedTransport::delivered);

        DeliveryStatus failure = new DeliveryStatus(traceId, "bob@local.test", DeliveryStatus.Outcome.FAILED, "5.2.2",
                "mailbox full for 121 hours", "mailbox-service", java.time.Instant.now());
        producer.send(new ProducerRecord<>(Topics.MAIL_STATUS, traceId, DeliveryStatusCodec.encode(failure))).get(10, TimeUnit.SECONDS);

        // The sender is remote: the DSN leaves through the transport, from <>.
        await().atMost(WAIT).until(() -> transport.requests().stream()
                .anyMatch(r -> r.mailFrom().isEmpty() && r.message().toString(StandardCharsets.UTF_8).contains("X-Postflow-Trace-Id: " + traceId)));
        OutboundRequest bounce = transport.requests().stream()
                .filter(r -> r.mailFrom().isEmpty() && r.message().toString(StandardCharsets.UTF_8).contains("X-Postflow-Trace-Id: " + traceId))
                .findFirst().orElseThrow();
        assertThat(bounce.domain()).isEqualTo("origin.test");
        assertThat(bounce.recipients()).extracting(Recipient::address).containsExactly("someone@origin.test");
        DsnParser p = new DsnParser(bounce.message().getBytes());
        assertThat(p.statusGroups).hasSize(2);
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; bob@local.test");
        assertThat(p.field(1, "Original-Recipient")).isEqualTo("rfc822; team@local.test");
        assertThat(p.field(1, "Status")).isEqualTo("5.2.2");
        assertThat(p.field(1, "Diagnostic-Code")).contains("mailbox full for 121 hours");
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(Topics.MAIL_ACCEPTED, "bad-" + TraceIds.newTraceId(),
                "no envelope".getBytes(StandardCharsets.US_ASCII));
        producer.send(bad).get(10, TimeUnit.SECONDS);
        TopicReader.await(bootstrap, Topics.MAIL_DEADLETTER, 1, r -> bad.key().equals(r.key()), WAIT);
        String traceId = accept("someone@origin.test", MailParameters.NONE, Recipient.of("alice@local.test"));
        TopicReader.await(bootstrap, Topics.MAIL_DELIVER, 1, trace(traceId), WAIT);
    }
}
