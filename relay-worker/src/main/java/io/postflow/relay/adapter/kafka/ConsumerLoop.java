package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.EnvelopeCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * A plain {@link KafkaConsumer} in a consumer group on a dedicated thread (poll blocks; it must never
 * run on an event loop), with the control the retry tiers need:
 * <ul>
 *   <li><b>Due times.</b> When a partition's next record is not yet due, the loop seeks back to it and
 *       pauses that partition until it is, and keeps polling the others. The pauses are applied again
 *       after a rebalance.</li>
 *   <li><b>At-least-once.</b> Everything one poll returned is processed concurrently; offsets are
 *       committed only up to the first record whose processing did not complete (its outputs not
 *       acknowledged), and that partition is rewound and retried after a back-off.</li>
 *   <li><b>Liveness.</b> While a batch is in flight (remote SMTP can take minutes) the loop keeps
 *       polling with every partition paused, so the group does not evict it.</li>
 * </ul>
 * Time for due records comes from the injected clock, so tests can move it.
 */
final class ConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);

    private final String name;
    private final Collection<String> topics;
    private final RecordHandler handler;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    // Touched only by the loop thread (the rebalance listener runs inside poll on that thread).
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Set<TopicPartition> pausedForBatch = new HashSet<>();
    private boolean inBatch;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile int assignedPartitions;

    ConsumerLoop(String name, String bootstrapServers, String groupId, Collection<String> topics, int maxPollRecords,
                 RecordHandler handler, Clock clock) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.clock = clock;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group must not skip accepted mail
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "relay-" + name);
        this.thread.setDaemon(true);
    }

    ConsumerLoop start() {
        thread.start();
        return this;
    }

    /** True while the loop runs and has joined its group. */
    boolean healthy() {
        return running && thread.isAlive();
    }

    boolean assigned() {
        return assigned;
    }

    /** Partitions this instance owns now: with several instances in the group, each owns a share. */
    int assignedPartitions() {
        return assignedPartitions;
    }

    String name() {
        return name;
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                try {
                    resumeDue(clock.instant());
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    if (!records.isEmpty()) {
                        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> batch = takeDue(records, clock.instant());
                        if (!batch.isEmpty()) {
                            runBatch(batch);
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException | IllegalStateException e) {
                    LOG.errorf(e, "%s: consumer error; continuing", name);
                    sleep(FAILURE_BACKOFF);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll.
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: consumer loop stopped", name);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The due prefix of each partition's records; a partition whose head is not due is rewound and paused. */
    private Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> takeDue(ConsumerRecords<String, byte[]> records, Instant now) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> batch = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> due = new java.util.ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                Instant dueAt = handler.dueAt(record);
                if (dueAt != null && dueAt.isAfter(now)) {
                    hold(partition, record.offset(), dueAt);
                    break;
                }
                due.add(record);
            }
            if (!due.isEmpty()) {
                batch.put(partition, due);
            }
        }
        return batch;
    }

    private void hold(TopicPartition partition, long offset, Instant until) {
        consumer.seek(partition, offset);
        consumer.pause(Set.of(partition));
        pausedUntil.put(partition, until);
    }

    private void resumeDue(Instant now) {
        var it = pausedUntil.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TopicPartition, Instant> e = it.next();
            if (!e.getValue().isAfter(now)) {
                it.remove();
                if (consumer.assignment().contains(e.getKey())) {
                    consumer.resume(Set.of(e.getKey()));
                }
            }
        }
    }

    private void runBatch(Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> batch) {
        Map<ConsumerRecord<String, byte[]>, CompletableFuture<Void>> work = new LinkedHashMap<>();
        batch.values().forEach(records -> records.forEach(r -> work.put(r, start(r))));
        awaitPolling(CompletableFuture.allOf(work.values().toArray(CompletableFuture[]::new)));
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        Instant now = clock.instant();
        batch.forEach((partition, records) -> {
            long next = records.get(records.size() - 1).offset() + 1;
            for (ConsumerRecord<String, byte[]> record : records) {
                CompletableFuture<Void> done = work.get(record);
                if (done.isCompletedExceptionally()) {
                    LOG.errorf(cause(done), "%s: %s-%d@%d (trace %s) not processed; retrying in %s", name, record.topic(),
                            record.partition(), record.offset(), traceId(record), FAILURE_BACKOFF);
                    next = record.offset();
                    if (consumer.assignment().contains(partition)) {
                        hold(partition, next, now.plus(FAILURE_BACKOFF));
                    }
                    break;
                }
            }
            if (consumer.assignment().contains(partition)) {
                commits.put(partition, new OffsetAndMetadata(next));
            }
        });
        try {
            consumer.commitSync(commits);
        } catch (KafkaException e) {
            // Partitions moved to another instance meanwhile: it processes them again (at-least-once).
            LOG.warnf("%s: offset commit failed (%s); the records will be processed again", name, e.toString());
        }
    }

    private CompletableFuture<Void> start(ConsumerRecord<String, byte[]> record) {
        MDC.put("traceId", traceId(record));
        try {
            return handler.handle(record).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove("traceId");
        }
    }

    /** Waits for the batch while polling with every partition paused, so the group keeps this member. */
    private void awaitPolling(CompletableFuture<Void> all) {
        inBatch = true;
        try {
            while (true) {
                try {
                    all.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    return; // failures are looked at per record
                } catch (TimeoutException e) {
                    pauseAllForBatch();
                    consumer.poll(Duration.ZERO); // returns nothing: everything is paused
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
            }
        } finally {
            inBatch = false;
            Set<TopicPartition> resume = new HashSet<>(pausedForBatch);
            resume.retainAll(consumer.assignment());
            resume.removeAll(pausedUntil.keySet());
            consumer.resume(resume);
            pausedForBatch.clear();
        }
    }

    private void pauseAllForBatch() {
        Set<TopicPartition> toPause = new HashSet<>(consumer.assignment());
        toPause.removeAll(consumer.paused());
        consumer.pause(toPause);
        pausedForBatch.addAll(toPause);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: uncommitted records are processed again by the next owner.
            assignedPartitions = consumer.assignment().size() - partitions.size();
            LOG.infof("%s: partitions revoked %s", name, sorted(partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = true;
            assignedPartitions = consumer.assignment().size();
            LOG.infof("%s: partitions assigned %s; now owns %d", name, sorted(partitions), assignedPartitions);
            pausedUntil.keySet().retainAll(consumer.assignment());
            // Re-apply the pauses of partitions whose head is still not due (the committed offset is that head).
            Set<TopicPartition> repause = new HashSet<>(partitions);
            repause.retainAll(pausedUntil.keySet());
            if (inBatch) {
                repause.addAll(partitions);
                pausedForBatch.addAll(partitions);
            }
            consumer.pause(repause);
        }
    }

    private static List<String> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    static String traceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EnvelopeCodec.TRACE_ID_HEADER);
        return header != null ? new String(header.value(), StandardCharsets.US_ASCII) : String.valueOf(record.key());
    }

    private static Throwable cause(CompletableFuture<Void> failed) {
        try {
            failed.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
