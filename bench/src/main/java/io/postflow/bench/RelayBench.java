package io.postflow.bench;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.testkit.dns.DnsResponder;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * relay-worker throughput on a running platform, in two phases:
 * <ol>
 * <li><b>remote</b>: N messages for a remote domain on {@code mail.accepted}, timed until an SMTP
 * sink inside this JVM has received them all (routing → MX lookup → SMTP session → 250);</li>
 * <li><b>local</b>: N messages for a local account on {@code mail.accepted}, timed until each has
 * its record on {@code mail.deliver} (routing only).</li>
 * </ol>
 * The remote domain's MX is answered by a DNS responder in this JVM, so the relay must have been
 * started pointing at it, with loopback not counted as "this platform" (otherwise an MX on
 * 127.0.0.x is a mail loop, 5.4.6):
 *
 * <pre>
 * POSTFLOW_RELAY_DNS_SERVERS=127.0.0.1:10053 POSTFLOW_RELAY_MX_PORT=10025 \
 * POSTFLOW_RELAY_LOCAL_ADDRESSES=192.0.2.66/32 ./mailctl up
 * ./mailctl bench relay [--messages 1000] [--size 10240] [--dns-port 10053] [--mx-port 10025] [--sink 127.0.0.2]
 * </pre>
 */
public final class RelayBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int messages = options.intValue("messages", 1000);
        int size = options.intValue("size", 10240);
        int dnsPort = options.intValue("dns-port", 10053);
        int mxPort = options.intValue("mx-port", 10025);
        String sinkAddress = options.text("sink", null, "127.0.0.2");
        String remoteDomain = "relay-bench-" + UUID.randomUUID().toString().substring(0, 8) + ".test";

        Map<String, Object> figures = new HashMap<>();
        figures.put("benchmark", "relay");
        figures.put("messages", messages);
        figures.put("messageBytes", size);
        try (DnsResponder dns = DnsResponder.start("127.0.0.1", dnsPort);
             SmtpSink sink = SmtpSink.start(mxPort, SinkScript.acceptAll(), sinkAddress);
             KafkaProducer<String, byte[]> producer = DeliveryBench.producer(options.bootstrap())) {
            dns.zone().mx(remoteDomain, 10, "mx." + remoteDomain).a("mx." + remoteDomain, sinkAddress);

            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                accept(producer, "user" + i + "@" + remoteDomain, DeliveryBench.message(i, size));
            }
            producer.flush();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (sink.transactions().size() < messages && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int delivered = sink.transactions().size();
            figures.put("remoteDelivered", delivered);
            figures.put("remoteSeconds", DeliveryBench.round(seconds));
            figures.put("remoteDeliveriesPerSecond", DeliveryBench.round(delivered / seconds));
            figures.put("remoteMostSessions", sink.mostConcurrentConnections());

            localPhase(options, producer, messages, size, figures);
        }
        Report.print("relay-worker: mail.accepted -> remote SMTP sink / -> mail.deliver", figures, List.of("messages",
                "messageBytes", "remoteDelivered", "remoteSeconds", "remoteDeliveriesPerSecond", "remoteMostSessions",
                "localRouted", "localSeconds", "localRoutingsPerSecond"));
        if ((int) figures.get("remoteDelivered") < messages || (int) figures.get("localRouted") < messages) {
            System.exit(1);
        }
    }

    private static void localPhase(BenchOptions options, KafkaProducer<String, byte[]> producer, int messages, int size,
                                   Map<String, Object> figures) throws Exception {
        AdminClient admin = AdminClient.fromEnvironment(options);
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        admin.createDomain(domain);
        String account = "user@" + domain;
        admin.createAccount(account, "bench-password");
        try (KafkaConsumer<String, byte[]> deliver = fromEnd(options.bootstrap(), Topics.MAIL_DELIVER)) {
            // The relay knows the new domain once the directory record reached it: probe until one is routed.
            Set<String> probes = new HashSet<>();
            boolean known = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!known && System.nanoTime() < deadline) {
                probes.add(accept(producer, account, DeliveryBench.message(-1, 256)));
                long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (!known && System.nanoTime() < until) {
                    for (ConsumerRecord<String, byte[]> r : deliver.poll(Duration.ofMillis(100))) {
                        known |= probes.contains(r.key());
                    }
                }
            }
            if (!known) {
                throw new IllegalStateException("the relay did not route to the new local domain " + domain + " within 60 s");
            }

            Set<String> pending = new HashSet<>();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                pending.add(accept(producer, account, DeliveryBench.message(i, size)));
            }
            producer.flush();
            int routed = 0;
            deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : deliver.poll(Duration.ofMillis(100))) {
                    if (pending.remove(r.key())) {
                        routed++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.put("localRouted", routed);
            figures.put("localSeconds", DeliveryBench.round(seconds));
            figures.put("localRoutingsPerSecond", DeliveryBench.round(routed / seconds));
        }
    }

    /** Publishes one message as smtp-ingress would; returns its trace id (the record key). */
    private static String accept(KafkaProducer<String, byte[]> producer, String recipient, byte[] message) {
        String traceId = TraceIds.newTraceId();
        Envelope envelope = Envelope.of(traceId, "bench@origin.test", MailParameters.NONE, List.of(Recipient.of(recipient)),
                "127.0.0.1", "bench.local", null, null, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        headers.add(EnvelopeCodec.TRACE_ID_HEADER, traceId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        producer.send(new ProducerRecord<>(Topics.MAIL_ACCEPTED, null, traceId, message, headers));
        return traceId;
    }

    /** Reads {@code topic} from its current end, on every partition, outside any consumer group. */
    private static KafkaConsumer<String, byte[]> fromEnd(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
