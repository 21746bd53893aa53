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
import org.apache.kafka.clients.admin.Admin;

/**
 * A private Kafka broker that a test may stop and start again on the same ports and data, to
 * show what a service does while its broker is gone. It is separate from the JVM's shared
 * {@link TestKafka}, so stopping it disturbs no other test.
 *
 * <p>Its settings live in system properties, not in fields: Quarkus loads test resources and
 * test classes in different class loaders, and both must reach the same broker.
 */
public final class RestartableKafka {

    private static final String PREFIX = "postflow-testkit.restartable-kafka.";
    private static final Duration READY = Duration.ofSeconds(90);

    private RestartableKafka() {
    }

    /** Starts the broker (first call: on fresh free ports) and provisions the topics; returns its bootstrap servers. */
    public static String start() {
        synchronized (System.getProperties()) {
            BrokerSettings settings = settings().orElseGet(RestartableKafka::fresh);
            try {
                if (KafkaBroker.runningPid(settings).isEmpty()) {
                    new KafkaBroker(settings).start(READY);
                }
                try (Admin admin = KafkaBroker.admin(settings.bootstrapServers())) {
                    new TopicProvisioner(admin).apply(TopicCatalog.load(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE));
                }
                return settings.bootstrapServers();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the restartable Kafka broker", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the restartable Kafka broker", e);
            }
        }
    }

    /** Stops the broker gracefully (SIGTERM) and waits until it is gone; its data stays. */
    public static void stop() {
        synchronized (System.getProperties()) {
            settings().ifPresent(settings -> {
                try {
                    new KafkaBroker(settings).stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Stops the broker and deletes its data: the end of the tests that used it. */
    public static void destroy() {
        synchronized (System.getProperties()) {
            settings().ifPresent(settings -> {
                stop();
                try {
                    TestKafka.deleteTree(settings.dataDir());
                } catch (IOException | UncheckedIOException e) {
                    // Left under target/, cleaned by the next build.
                }
                System.getProperties().remove(PREFIX + "dir");
            });
        }
    }

    private static java.util.Optional<BrokerSettings> settings() {
        String dir = System.getProperty(PREFIX + "dir");
        if (dir == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(settings(Path.of(dir), Integer.getInteger(PREFIX + "port"),
                Integer.getInteger(PREFIX + "controller-port")));
    }

    private static BrokerSettings fresh() {
        try {
            Path dir = Files.createDirectories(Path.of("target")).resolve("kafka-restartable-" + ProcessHandle.current().pid());
            TestKafka.deleteTree(dir);
            BrokerSettings settings = settings(dir, FreePorts.next(), FreePorts.next());
            System.setProperty(PREFIX + "dir", dir.toString());
            System.setProperty(PREFIX + "port", String.valueOf(settings.port()));
            System.setProperty(PREFIX + "controller-port", String.valueOf(settings.controllerPort()));
            Runtime.getRuntime().addShutdownHook(new Thread(RestartableKafka::destroy, "restartable-kafka-stop"));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BrokerSettings settings(Path dir, int port, int controllerPort) {
        return new BrokerSettings(dir, "127.0.0.1", port, controllerPort, BrokerSettings.DEFAULT_JVM_OPTIONS,
                TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE, true);
    }
}
