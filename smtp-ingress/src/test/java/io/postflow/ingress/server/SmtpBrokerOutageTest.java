package io.postflow.ingress.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.record.Topics;
import io.postflow.ingress.session.ListenerKind;
import io.postflow.testkit.RestartableKafka;
import io.postflow.testkit.RestartableKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The spool is gone: with the broker stopped, the final dot is answered {@code 451 4.3.0} (never
 * {@code 250}), the session stays usable, and once the broker is back mail is accepted again —
 * with nothing of the refused message on the topic.
 */
@QuarkusTest
@WithTestResource(RestartableKafkaTestResource.class)
@WithTestResource(IngressTestResource.class)
@WithTestResource(SmtpBrokerOutageTest.QuickProducerTimeouts.class)
class SmtpBrokerOutageTest {

    private static final Pattern QUEUED = Pattern.compile("^250 2\\.0\\.0 Ok: queued as ([A-Za-z0-9_-]{22})$");

    @Inject
    SmtpServer server;

    @Inject
    DirectoryView directory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void noTwoHundredFiftyWhileTheBrokerIsDownAndMailFlowsAgainAfterItsRestart() throws Exception {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produce(String.class, byte[].class).fromRecords(
                    directoryRecord(new DirectoryEntry.LocalDomain("example.test")),
                    directoryRecord(new DirectoryEntry.Account("bob@example.test"))).awaitCompletion(Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.loaded()
                && directory.resolve(MailAddress.parse("bob@example.test")) instanceof DirectoryView.Resolution.LocalAccount);

        String before = traceIdOf(transaction("before the outage"));

        RestartableKafka.stop();
        String during;
        try (SmtpTestClient client = SmtpTestClient.plain(server.port(ListenerKind.MX))) {
            client.last();
            client.send("EHLO client.remote.example");
            client.reply();
            String reply = sendMessage(client, "during the outage");
            assertThat(reply).startsWith("451 4.3.0");
            during = "during the outage";
            client.send("NOOP");
            assertThat(client.last()).as("the session outlives the refusal").startsWith("250");
            client.send("QUIT");
            assertThat(client.last()).startsWith("221");
        }

        RestartableKafka.start();
        List<String> repliesAfter = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String reply = transaction("after the restart");
            repliesAfter.add(reply);
            return reply.startsWith("250");
        });
        assertThat(repliesAfter).as("while the producer reconnects, only 451 and then 250")
                .allMatch(r -> r.startsWith("451 4.3.0") || QUEUED.matcher(r).matches());
        String after = traceIdOf(repliesAfter.get(repliesAfter.size() - 1));

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, byte[]> task = companion.consume(String.class, byte[].class).fromTopics(Topics.MAIL_ACCEPTED);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> keys(task.getRecords()).containsAll(List.of(before, after)));
                assertThat(task.getRecords()).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(during));
            } finally {
                task.close();
            }
        }
    }

    /** One whole session to the MX; returns the reply to the final dot. */
    private String transaction(String subject) throws IOException {
        try (SmtpTestClient client = SmtpTestClient.plain(server.port(ListenerKind.MX))) {
            client.last();
            client.send("EHLO client.remote.example");
            client.reply();
            String reply = sendMessage(client, subject);
            client.send("QUIT");
            client.last();
            return reply;
        }
    }

    private static String sendMessage(SmtpTestClient client, String subject) throws IOException {
        client.send("MAIL FROM:<sender@remote.example>");
        assertThat(client.last()).startsWith("250");
        client.send("RCPT TO:<bob@example.test>");
        assertThat(client.last()).startsWith("250");
        client.send("DATA");
        assertThat(client.last()).startsWith("354");
        client.send("From: sender@remote.example\r\nTo: bob@example.test\r\nSubject: " + subject + "\r\n\r\nHello.\r\n.");
        return client.last();
    }

    private static String traceIdOf(String reply) {
        Matcher queued = QUEUED.matcher(reply);
        assertThat(queued.matches()).as("reply %s", reply).isTrue();
        return queued.group(1);
    }

    private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static ProducerRecord<String, byte[]> directoryRecord(DirectoryEntry entry) {
        return new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(entry), DirectoryCodec.encode(entry));
    }

    /** An outage is noticed in seconds rather than the production 10 s. */
    public static class QuickProducerTimeouts implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of(
                    "mp.messaging.outgoing.mail-accepted.request.timeout.ms", "2000",
                    "mp.messaging.outgoing.mail-accepted.delivery.timeout.ms", "4000",
                    "mp.messaging.outgoing.mail-accepted.max.block.ms", "2000");
        }

        @Override
        public void stop() {
        }
    }
}
