package io.postflow.mailbox.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.event.MailboxEventCodec;
import io.postflow.common.record.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code mailbox.events} for as long as a test class runs. The broker is shared by every test
 * class of the JVM, so events are selected by mailbox id (each test's mailboxes are new).
 */
public final class MailboxEventsTopic implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KafkaCompanion companion;
    private final ConsumerTask<String, byte[]> records;

    private MailboxEventsTopic(String bootstrapServers) {
        companion = new KafkaCompanion(bootstrapServers);
        records = companion.consume(String.class, byte[].class).fromTopics(Topics.MAILBOX_EVENTS);
    }

    public static MailboxEventsTopic open(String bootstrapServers) {
        return new MailboxEventsTopic(bootstrapServers);
    }

    /** The events of a mailbox read so far, oldest first. */
    public List<MailboxEvent> of(long mailboxId) {
        String key = Long.toString(mailboxId);
        return records.getRecords().stream().filter(r -> key.equals(r.key()))
                .map(r -> MailboxEventCodec.decode(r.value())).toList();
    }

    /** Waits for an event of the mailbox of that type and returns the newest one. */
    public MailboxEvent awaitEvent(long mailboxId, MailboxEvent.Type type) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(of(mailboxId)).as("events of mailbox %d", mailboxId).anyMatch(e -> e.type() == type));
        List<MailboxEvent> matching = of(mailboxId).stream().filter(e -> e.type() == type).toList();
        return matching.get(matching.size() - 1);
    }

    @Override
    public void close() {
        records.stop();
        companion.close();
    }
}
