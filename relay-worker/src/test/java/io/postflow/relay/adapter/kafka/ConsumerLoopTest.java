package io.postflow.relay.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.relay.support.MovableClock;
import io.postflow.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer loop against the real broker, on a topic of its own: offsets only after success,
 * a not-yet-due partition paused while the others flow, pauses surviving a rebalance.
 */
class ConsumerLoopTest {

    private final String bootstrap = TestKafka.bootstrapServers();
    private final String topic = "test.loop." + UUID.randomUUID();
    private final String group = "test-" + UUID.randomUUID();
    private final MovableClock clock = new MovableClock();
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    @BeforeEach
    void topic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(props);
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        loops.forEach(ConsumerLoop::close);
        producer.close();
        admin.close();
    }

    private void send(int partition, String key, Instant dueAt) throws Exception {
        byte[] value = (dueAt == null ? "" : dueAt.toString()).getBytes(StandardCharsets.US_ASCII);
        producer.send(new ProducerRecord<>(topic, partition, key, value)).get(10, TimeUnit.SECONDS);
    }

    private ConsumerLoop loop(RecordHandler handler) {
        ConsumerLoop loop = new ConsumerLoop("test", bootstrap, group, List.of(topic), 10, handler, clock).start();
        loops.add(loop);
        return loop;
    }

    private long committed(int partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(new TopicPartition(topic, partition));
        return offset == null ? -1 : offset.offset();
    }

    /** Handles records whose value is their due time (empty: due now), remembering the keys in order. */
    private static final class DueHandler implements RecordHandler {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        @Override
        public Instant dueAt(ConsumerRecord<String, byte[]> record) {
            String value = new String(record.value(), StandardCharsets.US_ASCII);
            return value.isEmpty() ? null : Instant.parse(value);
        }

        @Override
        public CompletionStage<Void> handle(ConsumerRecord<String, byte[]> record) {
            handled.add(record.key());
            if (failOnce.remove(record.key())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void aRecordWhoseOutcomeWasNotRecordedIsProcessedAgainAndOnlyThenCommitted() throws Exception {
        DueHandler handler = new DueHandler();
        handler.failOnce.add("b");
        send(0, "a", null);
        send(0, "b", null);
        send(0, "c", null);
        loop(handler);

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.stream().filter("b"::equals).count() == 2
                && handler.handled.indexOf("c") != handler.handled.lastIndexOf("c"));
        // a once; b failed, so b and everything after it in the partition came again.
        assertThat(handler.handled).containsExactly("a", "b", "c", "b", "c");
        await().atMost(Duration.ofSeconds(10)).until(() -> committed(0) == 3);
    }

    @Test
    void aPartitionWhoseHeadIsNotDueWaitsWhileTheOthersFlowAndAPauseSurvivesARebalance() throws Exception {
        DueHandler handler = new DueHandler();
        Instant due = clock.instant().plus(Duration.ofMinutes(10));
        send(0, "later", due);
        send(0, "after-later", null);
        loop(handler);
        send(1, "now-1", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.contains("now-1"));
        send(1, "now-2", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.handled.contains("now-2"));
        assertThat(handler.handled).doesNotContain("later", "after-later");

        // A second member joins: the partitions move, and whoever owns partition 0 must hold it too.
        DueHandler second = new DueHandler();
        loop(second);
        await().atMost(Duration.ofSeconds(30)).until(() -> loops.get(1).assigned());
        send(1, "now-3", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.contains("now-3") || second.handled.contains("now-3"));
        Thread.sleep(1000);
        assertThat(handler.handled).doesNotContain("later");
        assertThat(second.handled).doesNotContain("later");
        assertThat(committed(0)).isLessThanOrEqualTo(0);

        clock.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.contains("after-later") || second.handled.contains("after-later"));
        List<String> all = new ArrayList<>(handler.handled);
        all.addAll(second.handled);
        assertThat(all).contains("later", "after-later");
    }

    @Test
    void aWorkerStoppedMidDeliveryLeavesTheRecordUncommittedAndTheNextWorkerDeliversIt() throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> never = new CompletableFuture<>(); // a remote delivery that never ends
        ConsumerLoop dying = loop(record -> {
            first.add(record.key());
            return never;
        });
        send(0, "in-flight", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.contains("in-flight"));
        dying.close(); // the process goes away mid-delivery: nothing is committed
        assertThat(committed(0)).isEqualTo(-1);

        DueHandler next = new DueHandler();
        loop(next);
        await().atMost(Duration.ofSeconds(30)).until(() -> next.handled.contains("in-flight"));
        await().atMost(Duration.ofSeconds(10)).until(() -> committed(0) == 1);
    }
}
