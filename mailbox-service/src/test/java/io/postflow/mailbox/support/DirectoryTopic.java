package io.postflow.mailbox.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.record.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code directory.addresses} from the beginning for as long as a test class runs. The broker
 * is shared by every test class of the JVM, so assertions select records by key.
 */
public final class DirectoryTopic implements AutoCloseable {

    /** The CONTRACT allows 5 s; the consumer of a busy 2-core test machine gets some slack. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final KafkaCompanion companion;
    private final ConsumerTask<String, byte[]> records;

    private DirectoryTopic(String bootstrapServers) {
        companion = new KafkaCompanion(bootstrapServers);
        records = companion.consume(String.class, byte[].class).fromTopics(Topics.DIRECTORY_ADDRESSES);
    }

    public static DirectoryTopic open(String bootstrapServers) {
        return new DirectoryTopic(bootstrapServers);
    }

    /** Waits until the newest record of the entry's key is that entry. */
    public void awaitEntry(DirectoryEntry expected) {
        String key = DirectoryCodec.key(expected);
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest(key)).as("newest record of %s", key).isEqualTo(expected));
    }

    /** Waits until the newest record of the key is a tombstone. */
    public void awaitTombstone(String key) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> forKey = recordsOf(key);
            assertThat(forKey).as("records of %s", key).isNotEmpty();
            assertThat(forKey.get(forKey.size() - 1).value()).as("newest record of %s", key).isNull();
        });
    }

    /** Every record of the key read so far, oldest first. */
    public List<ConsumerRecord<String, byte[]>> recordsOf(String key) {
        return records.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    /** The decoded newest record of the key: null for a tombstone or no record. */
    public DirectoryEntry latest(String key) {
        List<ConsumerRecord<String, byte[]>> forKey = recordsOf(key);
        return forKey.isEmpty() ? null : DirectoryCodec.decode(key, forKey.get(forKey.size() - 1).value());
    }

    @Override
    public void close() {
        records.stop();
        companion.close();
    }
}
