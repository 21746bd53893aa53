package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.EnvelopeFormatException;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Finds the message a mailbox-service failure report is about. A {@code mail.status} record carries
 * only the trace id, but the relay wrote the message itself to {@code mail.deliver} keyed by that
 * trace id, so it lies in one known partition (the producer's default partitioner: murmur2 of the
 * key) and was written before the report. The finder reads that partition backwards in widening
 * time windows (1 minute, 1 hour, then the configured look-back) and takes the newest record with
 * the trace id whose envelope names the recipient (an over-quota message is re-delivered from the
 * retry tiers, so the newest copy is the one that failed).
 *
 * <p>Blocking (a plain consumer, manual assignment, no group): used only on the status worker thread.
 */
final class DeliverRecordFinder implements AutoCloseable {

    private static final Duration FETCH = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration lookback;

    DeliverRecordFinder(String bootstrapServers, Duration lookback) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relay-bounce-finder-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.lookback = lookback;
    }

    Optional<MailRecord> find(String traceId, String recipient, Instant reportedAt) {
        TopicPartition partition = partitionOf(traceId);
        consumer.assign(List.of(partition));
        long end = offsetAt(partition, reportedAt.plus(Duration.ofMinutes(1)));
        for (Duration window : List.of(Duration.ofMinutes(1), Duration.ofHours(1), lookback)) {
            long start = offsetAt(partition, reportedAt.minus(window));
            Optional<MailRecord> found = scan(partition, start, end, traceId, recipient);
            if (found.isPresent() || window.compareTo(lookback) >= 0) {
                return found;
            }
        }
        return Optional.empty();
    }

    private TopicPartition partitionOf(String traceId) {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.MAIL_DELIVER, Duration.ofSeconds(10));
        int p = Utils.toPositive(Utils.murmur2(traceId.getBytes(StandardCharsets.UTF_8))) % partitions.size();
        return new TopicPartition(Topics.MAIL_DELIVER, p);
    }

    /** The first offset written at or after {@code time}, or the end offset. */
    private long offsetAt(TopicPartition partition, Instant time) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(partition, Math.max(0, time.toEpochMilli())));
        OffsetAndTimestamp at = found.get(partition);
        return at != null ? at.offset() : consumer.endOffsets(List.of(partition)).get(partition);
    }

    private Optional<MailRecord> scan(TopicPartition partition, long start, long end, String traceId, String recipient) {
        consumer.seek(partition, start);
        MailRecord newest = null;
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(FETCH)) {
                if (record.offset() >= end) {
                    break;
                }
                if (traceId.equals(record.key())) {
                    MailRecord mail = read(record);
                    if (mail != null && mail.envelope().recipients().stream()
                            .anyMatch(r -> r.address().equalsIgnoreCase(recipient))) {
                        newest = mail;
                    }
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static MailRecord read(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EnvelopeCodec.HEADER);
        if (header == null || record.value() == null) {
            return null;
        }
        try {
            Envelope envelope = EnvelopeCodec.decode(header.value());
            return new MailRecord(envelope, record.value());
        } catch (EnvelopeFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
