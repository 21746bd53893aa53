package io.postflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real broker as a child JVM, exactly as testkit and mailctl do. */
class KafkaBrokerTest {

    private static final int MIB = 1024 * 1024;
    private static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "broker-test");
        broker = new KafkaBroker(new BrokerSettings(dir, "127.0.0.1", freePort(), freePort(),
                BrokerSettings.DEFAULT_JVM_OPTIONS, TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE, true))
                .start(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            assertThat(broker.isAlive()).isFalse();
        }
    }

    @Test
    void provisioningIsIdempotentAndAppliesSpoolDurability() throws Exception {
        try (Admin admin = KafkaBroker.admin(broker.settings().bootstrapServers())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            TopicCatalog catalog = TopicCatalog.load(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE);
            provisioner.apply(catalog);
            assertThat(provisioner.apply(catalog)).isEmpty();

            ConfigResource accepted = new ConfigResource(ConfigResource.Type.TOPIC, "mail.accepted");
            Config config = admin.describeConfigs(List.of(accepted)).all().get(10, TimeUnit.SECONDS).get(accepted);
            assertThat(config.get("flush.messages").value()).isEqualTo("1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("max.message.bytes").value()).isEqualTo(Long.toString(26_214_400L + MIB));
            assertThat(admin.describeTopics(Set.of("mail.accepted")).allTopicNames().get().get("mail.accepted")
                    .partitions()).hasSize(6);
        }
    }

    @Test
    void takesARecordOfTheFullSizeLimit() throws Exception {
        try (Admin admin = KafkaBroker.admin(broker.settings().bootstrapServers())) {
            new TopicProvisioner(admin).apply(TopicCatalog.load(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE));
        }
        byte[] message = new byte[25 * MIB];
        Arrays.fill(message, (byte) 'x');
        Properties producer = new Properties();
        producer.putAll(Map.of("bootstrap.servers", broker.settings().bootstrapServers(), "acks", "all",
                "enable.idempotence", "true", "max.request.size", Integer.toString(32 * MIB)));
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("mail.deadletter", 0, null, message)).get(30, TimeUnit.SECONDS);
        }
        Properties consumer = new Properties();
        consumer.putAll(Map.of("bootstrap.servers", broker.settings().bootstrapServers(),
                "max.partition.fetch.bytes", Integer.toString(32 * MIB), "fetch.max.bytes", Integer.toString(32 * MIB)));
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition("mail.deadletter", 0);
            c.assign(List.of(partition));
            c.seekToBeginning(List.of(partition));
            ConsumerRecord<byte[], byte[]> record = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (record == null && System.currentTimeMillis() < deadline) {
                var records = c.poll(Duration.ofMillis(500));
                record = records.isEmpty() ? null : records.iterator().next();
            }
            assertThat(record).isNotNull();
            assertThat(record.value()).hasSize(25 * MIB);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
