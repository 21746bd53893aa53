package io.postflow.mailbox.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.event.MailboxEventCodec;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatusCodec;
import io.postflow.mailbox.TestDirectory;
import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.postflow.mailbox.domain.delivery.PreparedMessage;
import io.postflow.mailbox.domain.message.MessageAnalyzer;
import io.postflow.mailbox.persistence.DeliveryStore;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records on the real mail.deliver topic end in the real PostgreSQL store exactly once. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DeliveryConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Inject
    DeliveryStore store;

    @Inject
    MessageAnalyzer analyzer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaCompanion kafka;
    private TestDirectory directory;
    private String domain;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrap);
        directory = new TestDirectory(pool);
        domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void storesOneCopyPerAccountWithItsTracePrefixAndReports() {
        long bobInbox = directory.account("bob@" + domain, null);
        long carolInbox = directory.account("carol@" + domain, null);
        byte[] message = message("hello both");
        Envelope envelope = envelope("alice@remote.test", Instant.now(), "bob@" + domain, "carol@" + domain);

        send(envelope, message);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", bobInbox)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", carolInbox)).isEqualTo(1);
        });
        assertThat(servedBytes(bobInbox, 1)).isEqualTo(concat(
                ("Return-Path: <alice@remote.test>\r\nDelivered-To: bob@" + domain + "\r\n").getBytes(StandardCharsets.UTF_8), message));
        assertThat(count("SELECT ref_count FROM message_body WHERE sha256 = sha256($1)", message)).isEqualTo(2);
        Row bob = mailbox(bobInbox);
        assertThat(bob.getLong("uidnext")).isEqualTo(2);
        assertThat(bob.getInteger("message_count")).isEqualTo(1);
        assertThat(bob.getInteger("unseen_count")).isEqualTo(1);
        assertThat(bob.getLong("size_bytes")).isEqualTo(servedBytes(bobInbox, 1).length);

        List<DeliveryStatus> statuses = statuses(envelope.traceId(), 2);
        assertThat(statuses).extracting(DeliveryStatus::outcome).containsOnly(DeliveryStatus.Outcome.DELIVERED);
        assertThat(statuses).extracting(DeliveryStatus::recipient).containsExactlyInAnyOrder("bob@" + domain, "carol@" + domain);
        MailboxEvent event = event(bobInbox);
        assertThat(event.type()).isEqualTo(MailboxEvent.Type.EXISTS);
        assertThat(event.uids()).containsExactly(1L);
        assertThat(event.uidNext()).isEqualTo(2);
    }

    @Test
    void theSameRecordTwiceMakesNoSecondCopyButReportsAgain() {
        long inbox = directory.account("dave@" + domain, null);
        Envelope envelope = envelope("alice@remote.test", Instant.now(), "dave@" + domain);
        byte[] message = message("twice");

        send(envelope, message);
        send(envelope, message);

        List<DeliveryStatus> statuses = statuses(envelope.traceId(), 2);
        assertThat(statuses).extracting(DeliveryStatus::outcome).containsOnly(DeliveryStatus.Outcome.DELIVERED);
        assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM delivery WHERE trace_id = $1", envelope.traceId())).isEqualTo(1);
        assertThat(mailbox(inbox).getLong("uidnext")).isEqualTo(2);
    }

    @Test
    void aRedeliveryAfterACrashBeforeTheOffsetCommitRepairsTheReportsOnly() {
        long inbox = directory.account("erin@" + domain, null);
        Envelope envelope = envelope("alice@remote.test", Instant.now(), "erin@" + domain);
        byte[] message = message("crash");
        // The transaction committed, then the process died: no report went out, no offset was committed.
        DeliveryRequest request = new DeliveryRequest(envelope, envelope.recipients().get(0), message);
        Map<byte[], PreparedMessage> prepared = new IdentityHashMap<>();
        prepared.put(message, new PreparedMessage(message, PreparedMessage.sha256(message), analyzer.analyze(message)));
        store.store(List.of(request), prepared).await().atMost(WAIT);

        send(envelope, message); // the broker hands the record out again

        DeliveryStatus repaired = statuses(envelope.traceId(), 1).get(0);
        assertThat(repaired.outcome()).isEqualTo(DeliveryStatus.Outcome.DELIVERED);
        assertThat(repaired.detail()).isEqualTo("delivered before");
        assertThat(event(inbox).uids()).containsExactly(1L);
        assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(1);
    }

    @Test
    void unknownAccountFailsWith511() {
        Envelope envelope = envelope("alice@remote.test", Instant.now(), "nobody@" + domain);
        send(envelope, message("lost"));
        DeliveryStatus status = statuses(envelope.traceId(), 1).get(0);
        assertThat(status.outcome()).isEqualTo(DeliveryStatus.Outcome.FAILED);
        assertThat(status.status()).isEqualTo("5.1.1");
    }

    @Test
    void overQuotaIsDeferredAndRetriedThenBouncesAfterTheRetryLifetime() {
        long inbox = directory.account("full@" + domain, 100L);
        Envelope young = envelope("alice@remote.test", Instant.now(), "full@" + domain);
        Envelope old = envelope("alice@remote.test", Instant.now().minus(Duration.ofDays(6)), "full@" + domain);

        send(young, message("too big for a 100 byte quota"));
        send(old, message("too big and too old"));

        DeliveryStatus deferred = statuses(young.traceId(), 1).get(0);
        assertThat(deferred.outcome()).isEqualTo(DeliveryStatus.Outcome.DEFERRED);
        assertThat(deferred.status()).isEqualTo("4.2.2");
        DeliveryStatus failed = statuses(old.traceId(), 1).get(0);
        assertThat(failed.outcome()).isEqualTo(DeliveryStatus.Outcome.FAILED);
        assertThat(failed.status()).isEqualTo("5.2.2");
        ConsumerRecord<String, byte[]> retry = matching(Topics.MAIL_RETRY_10M, r -> young.traceId().equals(r.key()), 1).get(0);
        Envelope retried = EnvelopeCodec.decode(retry.headers().lastHeader(EnvelopeCodec.HEADER).value());
        assertThat(retried.recipients()).extracting(Recipient::address).containsExactly("full@" + domain);
        assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isZero();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndDoesNotBlockThePartition() {
        long inbox = directory.account("frank@" + domain, null);
        String poisonKey = TraceIds.newTraceId();
        Envelope good = envelope("alice@remote.test", Instant.now(), "frank@" + domain);
        // Same key as the good one, so both land on the same partition, poison first.
        kafka.produce(String.class, byte[].class).fromRecords(
                new ProducerRecord<>(Topics.MAIL_DELIVER, null, good.traceId(), "no envelope".getBytes(StandardCharsets.UTF_8),
                        new RecordHeaders().add("postflow-trace-id", poisonKey.getBytes(StandardCharsets.US_ASCII))))
                .awaitCompletion(WAIT);
        send(good, message("after the poison"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(1));
        ConsumerRecord<String, byte[]> dead = matching(Topics.MAIL_DEADLETTER, r -> r.headers().lastHeader("postflow-trace-id") != null
                && poisonKey.equals(new String(r.headers().lastHeader("postflow-trace-id").value(), StandardCharsets.US_ASCII)), 1).get(0);
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains(EnvelopeCodec.HEADER);
        assertThat(dead.value()).isEqualTo("no envelope".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twentyRecipientsShareOneStoredBody() {
        List<String> recipients = IntStream.range(0, 20).mapToObj(i -> "user" + i + "@" + domain).toList();
        recipients.forEach(r -> directory.account(r, null));
        byte[] message = message("to twenty " + domain);
        Envelope envelope = envelope("alice@remote.test", Instant.now(), recipients.toArray(String[]::new));

        send(envelope, message);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM delivery WHERE trace_id = $1", envelope.traceId())).isEqualTo(20));
        assertThat(count("SELECT count(*) FROM message_body WHERE sha256 = sha256($1)", message)).isEqualTo(1);
        assertThat(count("SELECT ref_count FROM message_body WHERE sha256 = sha256($1)", message)).isEqualTo(20);
    }

    @Test
    void uidsOfABurstAreConsecutiveAndUidnextFollowsThem() {
        long inbox = directory.account("burst@" + domain, null);
        int n = 50;
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Envelope envelope = envelope("alice@remote.test", Instant.now(), "burst@" + domain);
            records.add(record(envelope, message("burst " + i)));
        }
        kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(WAIT);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(n));
        assertThat(count("SELECT max(uid) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(n);
        assertThat(mailbox(inbox).getLong("uidnext")).isEqualTo(n + 1);
        assertThat(mailbox(inbox).getInteger("message_count")).isEqualTo(n);
    }

    // ------------------------------------------------------------------------------------------

    private static byte[] message(String subject) {
        return ("Received: from client.example by mx.test; Sat, 28 Nov 2026 10:00:00 +0000\r\n"
                + "From: Alice <alice@remote.test>\r\nTo: someone\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@remote.test>\r\n\r\nBody of " + subject + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Envelope envelope(String from, Instant receivedAt, String... recipients) {
        return new Envelope(1, TraceIds.newTraceId(), from, MailParameters.NONE,
                java.util.Arrays.stream(recipients).map(Recipient::of).toList(), "192.0.2.1", "client.example", null, null,
                receivedAt);
    }

    private static ProducerRecord<String, byte[]> record(Envelope envelope, byte[] message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        return new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(), message, headers);
    }

    private void send(Envelope envelope, byte[] message) {
        kafka.produce(String.class, byte[].class).fromRecords(record(envelope, message)).awaitCompletion(WAIT);
    }

    private List<DeliveryStatus> statuses(String traceId, int count) {
        return matching(Topics.MAIL_STATUS, r -> traceId.equals(r.key()), count).stream()
                .map(r -> DeliveryStatusCodec.decode(r.value())).toList();
    }

    private MailboxEvent event(long mailboxId) {
        return MailboxEventCodec.decode(matching(Topics.MAILBOX_EVENTS, r -> Long.toString(mailboxId).equals(r.key()), 1)
                .get(0).value());
    }

    /** The first {@code count} records of a topic (read from its start) that match. */
    private List<ConsumerRecord<String, byte[]>> matching(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                                          int count) {
        return kafka.consume(String.class, byte[].class)
                .fromTopics(topic, records -> records.filter(filter).select().first(count))
                .awaitCompletion(WAIT)
                .getRecords();
    }

    private long count(String sql, Object parameter) {
        Row row = pool.preparedQuery(sql).execute(Tuple.of(parameter instanceof byte[] b
                ? io.vertx.core.buffer.Buffer.buffer(b) : parameter)).await().atMost(WAIT).iterator().next();
        Object value = row.getValue(0);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Row mailbox(long id) {
        return pool.preparedQuery("SELECT * FROM mailbox WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT)
                .iterator().next();
    }

    private byte[] servedBytes(long mailboxId, long uid) {
        Row row = pool.preparedQuery("SELECT e.prefix || b.content AS bytes FROM mailbox_message e "
                        + "JOIN message_body b ON b.id = e.body_id WHERE e.mailbox_id = $1 AND e.uid = $2")
                .execute(Tuple.of(mailboxId, uid)).await().atMost(WAIT).iterator().next();
        return row.getBuffer("bytes").getBytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
