package io.postflow.testkit;

import io.postflow.kafka.BrokerSettings;
import io.postflow.kafka.KafkaBroker;
import io.postflow.kafka.TopicCatalog;
import io.postflow.kafka.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/**
 * The one real Kafka broker of a test JVM: started on first use on free loopback ports, with data
 * under {@code target/}, provisioned from topics.conf, and stopped when the JVM ends. The broker
 * also stops by itself if the test JVM is killed (see BrokerMain), so no run leaves one behind.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);
    /**
     * Quarkus loads this class again in a fresh class loader for each distinct set of test
     * resources, so a static field would start a second broker. The address lives in a system
     * property instead, which every class loader of the JVM sees.
     */
    static final String BOOTSTRAP_PROPERTY = "postflow-testkit.kafka.bootstrap";

    private TestKafka() {
    }

    /** Bootstrap servers of the shared broker, starting it if needed. */
    public static String bootstrapServers() {
        // The system properties object is the one lock all class loaders share.
        synchronized (System.getProperties()) {
            String known = System.getProperty(BOOTSTRAP_PROPERTY);
            if (known == null) {
                known = start().settings().bootstrapServers();
                System.setProperty(BOOTSTRAP_PROPERTY, known);
            }
            return known;
        }
    }

    private static KafkaBroker start() {
        try {
            Path dataDir = Files.createDirectories(Path.of("target")).resolve("kafka-" + ProcessHandle.current().pid());
            deleteTree(dataDir);
            BrokerSettings settings = new BrokerSettings(dataDir, "127.0.0.1", FreePorts.next(), FreePorts.next(),
                    BrokerSettings.DEFAULT_JVM_OPTIONS, TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE, true);
            long began = System.nanoTime();
            KafkaBroker started = new KafkaBroker(settings).start(Duration.ofSeconds(90));
            try (Admin admin = KafkaBroker.admin(settings.bootstrapServers())) {
                new TopicProvisioner(admin).apply(TopicCatalog.load(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE));
            }
            LOG.infof("test Kafka broker ready at %s in %d ms", settings.bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, dataDir), "test-kafka-stop"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test Kafka broker", e);
        }
    }

    private static void stop(KafkaBroker started, Path dataDir) {
        try {
            started.stop();
            deleteTree(dataDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException e) {
            // Left under target/, cleaned by the next build.
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
