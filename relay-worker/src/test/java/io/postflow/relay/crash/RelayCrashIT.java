package io.postflow.relay.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.testkit.FreePorts;
import io.postflow.testkit.TestKafka;
import io.postflow.testkit.dns.DnsResponder;
import io.postflow.testkit.smtp.ReceivedTransaction;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the packaged relay-worker ({@code target/quarkus-app/quarkus-run.jar}, run as a
 * process of its own): killed with SIGKILL while 200 remote deliveries to a slow SMTP sink are in
 * flight, then started again. Every message must reach the sink; duplicates are allowed (the
 * killed batch is repeated) and reported. Runs in failsafe's integration-test phase, after packaging,
 * on the fresh broker of failsafe's JVM (tag {@code packaged-app} keeps it out of surefire).
 */
@Tag("packaged-app")
class RelayCrashIT {

    private static final int MESSAGES = 200;
    private static final String DOMAIN = "slow.test";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aWorkerKilledMidBatchLosesNothingAfterRestart() throws Exception {
        Path jar = Path.of(System.getProperty("relay.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("package the module first").exists();
        String bootstrap = TestKafka.bootstrapServers();
        int mxPort = FreePorts.next();
        try (DnsResponder dns = DnsResponder.start("127.0.0.1");
             // A slow content filter: 150 ms before each end-of-data reply, so a batch takes seconds.
             SmtpSink sink = SmtpSink.start(mxPort, SinkScript.acceptAll().withDataReplyDelay(Duration.ofMillis(150)), "127.0.0.2");
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            dns.zone().mx(DOMAIN, 10, "mx.slow.test").a("mx.slow.test", "127.0.0.2");
            DirectoryEntry local = new DirectoryEntry.LocalDomain("local.test");
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(local), DirectoryCodec.encode(local)))
                    .get(10, TimeUnit.SECONDS);

            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                accepted.add(accept(producer, i));
            }
            producer.flush();

            Map<String, String> settings = Map.of(
                    "kafka.bootstrap.servers", bootstrap,
                    "postflow.relay.dns-servers", dns.hostPort(),
                    "postflow.relay.mx-port", Integer.toString(mxPort),
                    "postflow.relay.local-addresses", "192.0.2.66/32",
                    "postflow.relay.hostname", "relay.test");

            Process first = start(jar, settings, 1);
            int atKill = awaitReceived(sink, MESSAGES / 5, Duration.ofSeconds(120));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int afterKill = distinct(sink).size();
            System.out.printf("relay crash test: killed pid %d with %d messages at the sink (%d distinct)%n",
                    first.pid(), atKill, afterKill);
            assertThat(afterKill).as("killed mid-batch, before everything was delivered").isLessThan(MESSAGES);

            start(jar, settings, 2);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!distinct(sink).keySet().containsAll(accepted) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            // Let a repeated batch finish, so its duplicates are counted too.
            Thread.sleep(3000);

            Map<String, Long> received = distinct(sink);
            List<String> lost = accepted.stream().filter(t -> !received.containsKey(t)).toList();
            long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("relay crash test: accepted %d, delivered %d distinct (%d transactions), duplicates %d, lost %d%n",
                    accepted.size(), received.size(), sink.transactions().size(), duplicates, lost.size());
            assertThat(lost).as("messages that never reached the sink").isEmpty();
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static String accept(KafkaProducer<String, byte[]> producer, int n) throws Exception {
        String traceId = TraceIds.newTraceId();
        Envelope envelope = Envelope.of(traceId, "sender@origin.test", MailParameters.NONE,
                List.of(Recipient.of("user" + n + "@" + DOMAIN)), "192.0.2.7", "client.test", null, null, Instant.now());
        byte[] message = ("From: sender@origin.test\r\nTo: user" + n + "@" + DOMAIN + "\r\nX-Crash-Trace: " + traceId
                + "\r\nSubject: crash " + n + "\r\n\r\nMessage " + n + ".\r\n").getBytes(StandardCharsets.US_ASCII);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MAIL_ACCEPTED, traceId, message);
        record.headers().add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        record.headers().add(EnvelopeCodec.TRACE_ID_HEADER, traceId.getBytes(StandardCharsets.US_ASCII));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return traceId;
    }

    /** Trace id → number of accepted transactions that carried it. */
    private static Map<String, Long> distinct(SmtpSink sink) {
        return sink.transactions().stream().filter(t -> !t.acceptedRecipients().isEmpty() && t.finalReply().startsWith("2"))
                .map(RelayCrashIT::traceOf).filter(t -> t != null)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static String traceOf(ReceivedTransaction t) {
        for (String line : new String(t.data(), StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.startsWith("X-Crash-Trace: ")) {
                return line.substring("X-Crash-Trace: ".length());
            }
        }
        return null;
    }

    private static int awaitReceived(SmtpSink sink, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sink.transactions().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the relay delivered only " + sink.transactions().size() + " messages within " + timeout);
            }
            Thread.sleep(20);
        }
        return sink.transactions().size();
    }

    private Process start(Path jar, Map<String, String> settings, int run) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + FreePorts.next()));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = Files.createDirectories(Path.of("target")).resolve("relay-crash-run-" + run + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        processes.add(process);
        System.out.printf("relay crash test: started relay-worker pid %d (log %s)%n", process.pid(), log);
        return process;
    }
}
