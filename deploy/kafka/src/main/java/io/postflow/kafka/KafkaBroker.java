package io.postflow.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Apache Kafka broker running as its own JVM, from the artifacts Maven resolved
 * for this module (the classpath is recorded in the jar at build time, so nothing is downloaded at
 * run time). Formats storage on first start, reports ready only once the cluster answers an Admin
 * call, and stops with SIGTERM so the broker closes its log cleanly.
 */
public final class KafkaBroker implements AutoCloseable {

    static final String CLASSPATH_RESOURCE = "/postflow-kafka/broker.classpath";

    private final BrokerSettings settings;
    private Process process;

    public KafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** Starts the broker, waiting until it serves clients or the timeout passes. */
    public KafkaBroker start(Duration readyTimeout) throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        Files.writeString(settings.configFile(), settings.serverProperties());
        Files.writeString(settings.logConfigFile(), settings.logConfig());
        if (!Files.exists(settings.logDir().resolve("meta.properties"))) {
            format();
        }
        ProcessBuilder builder = new ProcessBuilder(command(BrokerMain.class.getName(), settings.exitWithParent()
                ? List.of("--exit-with-parent", settings.configFile().toString())
                : List.of(settings.configFile().toString())));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.brokerLog().toFile()));
        if (!settings.exitWithParent()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        process = builder.start();
        Files.writeString(settings.pidFile(), Long.toString(process.pid()));
        awaitReady(readyTimeout);
        return this;
    }

    /** Writes the KRaft metadata of a fresh one-node cluster (kafka-storage.sh format). */
    private void format() throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        Process format = new ProcessBuilder(command("kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", settings.configFile().toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.brokerLog().toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("formatting Kafka storage failed; see " + settings.brokerLog() + "\n" + logTail());
        }
    }

    private List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-Dlog4j2.configurationFile=" + settings.logConfigFile().toAbsolutePath());
        command.add("-Dkafka.logs.dir=" + settings.dataDir().toAbsolutePath());
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The broker's classpath: this module's own classes plus what Maven resolved for kafka_2.13. */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/kafka with Maven first");
            }
            String resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            String own = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return own + File.pathSeparator + resolved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(settings.bootstrapServers())) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("Kafka broker exited with status " + process.exitValue() + "; see "
                            + settings.brokerLog() + "\n" + logTail());
                }
                if (answers(admin)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IOException("Kafka broker not ready after " + timeout.toSeconds() + " s; see "
                            + settings.brokerLog() + "\n" + logTail());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Whether a broker at these bootstrap servers answers a describeCluster call. */
    public static boolean answers(String bootstrapServers) {
        Admin admin = admin(bootstrapServers);
        try {
            return answers(admin);
        } finally {
            // Do not wait for a probe that is still retrying against a dead address.
            admin.close(Duration.ZERO);
        }
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** An Admin client with short timeouts, for readiness probes and provisioning. */
    public static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200",
                AdminClientConfig.CLIENT_ID_CONFIG, "postflow-kafka-launcher"));
        return Admin.create(props);
    }

    /** Stops this broker, or the one whose pid file lies in the data directory. */
    public void stop() throws InterruptedException {
        Optional<ProcessHandle> handle = process != null ? Optional.of(process.toHandle()) : runningPid(settings);
        handle.ifPresent(KafkaBroker::terminate);
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException ignored) {
            // A stale pid file is checked for liveness before use.
        }
    }

    private static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception slow) {
            handle.destroyForcibly();
        }
    }

    /** The live broker process recorded in a data directory's pid file, if any. */
    public static Optional<ProcessHandle> runningPid(BrokerSettings settings) {
        try {
            if (!Files.exists(settings.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(settings.pidFile()).strip());
            // The JDK truncates long command lines, so the pid file and liveness are what we trust.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(settings.brokerLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
