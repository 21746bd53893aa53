package io.postflow.bench;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatusCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Local delivery throughput and latency of mailbox-service on a running platform: puts N messages
 * on {@code mail.deliver} as fast as the producer goes, and times each until its DELIVERED status
 * appears on {@code mail.status} (Kafka → PostgreSQL commit → Kafka).
 *
 * <pre>./mailctl bench delivery [--messages 2000] [--size 10240] [--accounts 4]</pre>
 */
public final class DeliveryBench {

    private DeliveryBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int messages = options.intValue("messages", 2000);
        int size = options.intValue("size", 10240);
        int accountCount = options.intValue("accounts", 4);
        AdminClient admin = AdminClient.fromEnvironment(options);

        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        admin.createDomain(domain);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String address = "user" + i + "@" + domain;
            admin.createAccount(address, "bench-password-" + i);
            accounts.add(address);
        }

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>(messages);
        try (KafkaConsumer<String, byte[]> statuses = statusConsumer(options.bootstrap());
             KafkaProducer<String, byte[]> producer = producer(options.bootstrap())) {
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                String account = accounts.get(i % accounts.size());
                Envelope envelope = new Envelope(1, TraceIds.newTraceId(), "bench@remote.test", MailParameters.NONE,
                        List.of(Recipient.of(account)), "127.0.0.1", "bench.local", null, null, Instant.now());
                RecordHeaders headers = new RecordHeaders();
                headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
                sentAt.put(envelope.traceId(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(), message(i, size), headers));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (latencies.size() < messages && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : statuses.poll(Duration.ofMillis(100))) {
                    Long sent = sentAt.remove(record.key());
                    if (sent != null && DeliveryStatusCodec.decode(record.value()).outcome() == DeliveryStatus.Outcome.DELIVERED) {
                        latencies.add(System.nanoTime() - sent);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(messages, size, accountCount, latencies, seconds);
        }
    }

    private static void report(int messages, int size, int accounts, List<Long> latencies, double seconds) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new HashMap<>();
        figures.put("benchmark", "delivery");
        figures.put("messages", messages);
        figures.put("delivered", sorted.length);
        figures.put("messageBytes", size);
        figures.put("accounts", accounts);
        figures.put("seconds", round(seconds));
        figures.put("deliveriesPerSecond", round(sorted.length / seconds));
        figures.put("latencyMsP50", millis(sorted, 0.50));
        figures.put("latencyMsP90", millis(sorted, 0.90));
        figures.put("latencyMsP99", millis(sorted, 0.99));
        figures.put("latencyMsMax", sorted.length == 0 ? 0 : round(sorted[sorted.length - 1] / 1e6));
        Report.print("mail.deliver -> PostgreSQL -> mail.status", figures, List.of("messages", "delivered", "messageBytes",
                "accounts", "seconds", "deliveriesPerSecond", "latencyMsP50", "latencyMsP90", "latencyMsP99", "latencyMsMax"));
        if (sorted.length < messages) {
            System.exit(1);
        }
    }

    static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return round(sortedNanos[Math.max(0, index)] / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A message of {@code size} octets with a distinct subject and Message-ID. */
    static byte[] message(int i, int size) {
        StringBuilder text = new StringBuilder("From: Bench <bench@remote.test>\r\nTo: bench\r\nSubject: bench message ")
                .append(i).append("\r\nMessage-ID: <").append(UUID.randomUUID()).append("@remote.test>\r\n\r\n");
        byte[] line = "The quick brown fox jumps over the lazy dog, again and again and again.\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), Math.max(size, text.length()));
        for (int at = text.length(); at < out.length; at++) {
            out[at] = line[(at - text.length()) % line.length];
        }
        return out;
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "1");
        props.put("max.request.size", "27262976");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Reads mail.status from its current end, on every partition, outside any consumer group. */
    private static KafkaConsumer<String, byte[]> statusConsumer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(Topics.MAIL_STATUS)) {
            partitions.add(new TopicPartition(p.topic(), p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
        return consumer;
    }
}
