package io.postflow.directory;

import io.postflow.common.directory.DirectoryFormatException;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.record.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link DirectoryView} in step with the compacted {@code directory.addresses} topic. Every
 * instance reads every partition from the beginning (manual assignment, no consumer group, no
 * committed offsets), so each holds the whole directory and keeps working while mailbox-service is
 * down. The view is marked loaded once the reader reached the end offsets it saw at start.
 *
 * <p>Runs on its own daemon thread: the Kafka consumer blocks in poll, which must never happen on
 * an event loop.
 */
public final class DirectoryReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryReader.class);

    private final DirectoryView view;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public DirectoryReader(String bootstrapServers, DirectoryView view, String clientName) {
        this.view = view;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientName + "-directory-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientName + "-directory-reader");
        this.thread.setDaemon(true);
    }

    public DirectoryReader start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long began = System.nanoTime();
            boolean caughtUp = false;
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!caughtUp && reached(ends)) {
                    caughtUp = true;
                    view.markLoaded();
                    LOG.infof("directory loaded: %d entries in %d ms", view.size(), (System.nanoTime() - began) / 1_000_000);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll: the end of this reader.
        } catch (RuntimeException e) {
            LOG.error("directory reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Waits for the topic's metadata: a reader started before the topics exist keeps trying. */
    private List<TopicPartition> partitions() {
        while (running.get()) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.DIRECTORY_ADDRESSES, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.warnf("topic %s not found yet; retrying", Topics.DIRECTORY_ADDRESSES);
        }
        throw new WakeupException();
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            view.apply(record.key(), record.value());
        } catch (DirectoryFormatException | IllegalArgumentException e) {
            // One bad record must not stop the directory; the writer republishes valid state.
            LOG.errorf("skipping directory record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
