package io.postflow.system;

import io.postflow.testkit.FreePorts;
import io.postflow.testkit.TestDatabase;
import io.postflow.testkit.dns.DnsResponder;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a user runs it: {@code ./mailctl up} starts a real Kafka broker and the four
 * services as separate processes from their built artifacts, here on free ports, with a fresh
 * PostgreSQL database and a home under {@code target/}. Tests reach it only from outside: SMTP,
 * IMAP, POP3 and HTTP on the ports below. One platform serves every test class of the JVM and is
 * taken down ({@code ./mailctl down}, database dropped) when the JVM ends.
 *
 * <p>The rest of the world is simulated on loopback: the relay resolves through a {@link DnsResponder}
 * on 127.0.0.1 and reaches "remote" MX hosts at {@value #REMOTE_MX}, where an {@link SmtpSink}
 * listens; only 127.0.0.1 counts as the platform's own address, so that MX is not a loop.
 */
public final class Platform {

    /** The address of the simulated remote MX hosts. */
    public static final String REMOTE_MX = "127.0.0.2";

    private static Platform running;

    private final Path root;
    private final Path home;
    private final TestDatabase database;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final DnsResponder dns = DnsResponder.start("127.0.0.1");
    private final SmtpSink remoteMx = SmtpSink.start(FreePorts.next(), SinkScript.acceptAll(), REMOTE_MX);

    private Platform(Path root, Path home, TestDatabase database) {
        this.root = root;
        this.home = home;
        this.database = database;
    }

    /** The zone the relay resolves names in: tests add MX and A records of "remote" domains. */
    public DnsResponder dns() {
        return dns;
    }

    /** The SMTP server at {@value #REMOTE_MX} that plays every remote MX. */
    public SmtpSink remoteMx() {
        return remoteMx;
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "platform-down"));
        }
        return running;
    }

    private static Platform start() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isExecutable(root.resolve("mailctl"))) {
            throw new IllegalStateException("no mailctl in " + root + ": run the system tests from the system-tests module");
        }
        Path home = Path.of("target", "postflow-home").toAbsolutePath();
        deleteTree(home); // the database is new, so must be the broker's data and the tokens
        Platform platform = new Platform(root, home, TestDatabase.create());
        platform.configure();
        platform.mailctl(List.of("up"), 600);
        return platform;
    }

    private void configure() {
        for (String key : List.of("smtp.mx", "smtp.submission", "smtp.smtps", "imap", "imaps", "pop3", "pop3s")) {
            port(key, "POSTFLOW_" + key.replace('.', '_').toUpperCase() + "_PORT");
        }
        for (String service : List.of("smtp-ingress", "relay-worker", "mailbox-service", "imap-pop-gateway")) {
            port("http." + service, "POSTFLOW_HTTP_PORT_" + service.replace('-', '_').toUpperCase());
        }
        int kafka = FreePorts.next();
        ports.put("kafka", kafka);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafka);
        environment.put("POSTFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        environment.put("POSTFLOW_HOME", home.toString());
        environment.put("POSTFLOW_DB_URL", database.url());
        environment.put("POSTFLOW_DB_USERNAME", database.user());
        environment.put("POSTFLOW_DB_PASSWORD", database.password());
        environment.put("POSTFLOW_RELAY_DNS_SERVERS", dns.hostPort());
        environment.put("POSTFLOW_RELAY_MX_PORT", String.valueOf(remoteMx.port()));
        environment.put("POSTFLOW_RELAY_LOCAL_ADDRESSES", "127.0.0.1/32,::1/128");
        // A killed consumer must not hold its partitions for the default 45 s.
        environment.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        environment.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
    }

    private void port(String key, String variable) {
        int port = FreePorts.next();
        ports.put(key, port);
        environment.put(variable, String.valueOf(port));
    }

    public int port(String key) {
        Integer port = ports.get(key);
        if (port == null) {
            throw new IllegalArgumentException("no port " + key + "; known: " + ports.keySet());
        }
        return port;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + port("http.mailbox-service");
    }

    public String adminToken() {
        try {
            return Files.readString(home.resolve("admin-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./mailctl ARGS} with the platform's environment; fails with its output unless it exits 0. */
    public String mailctl(List<String> args, int timeoutSeconds) {
        try {
            Files.createDirectories(home);
            Path log = home.resolve("mailctl-" + args.get(0) + ".out");
            List<String> command = new java.util.ArrayList<>(List.of(root.resolve("mailctl").toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("mailctl " + args + " did not finish in " + timeoutSeconds + " s:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mailctl " + args + " exited " + process.exitValue() + ":\n" + output
                        + "\n" + serviceLogTails());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** The platform's database, for tests that take it away for a while. */
    public TestDatabase database() {
        return database;
    }

    /**
     * Kills a service ({@code smtp-ingress}, {@code relay-worker}, {@code mailbox-service},
     * {@code imap-pop-gateway}) or the Kafka broker ({@code kafka}) with SIGKILL, as a crash would,
     * and waits until the process is gone.
     */
    public void kill9(String service) {
        Path pidFile = "kafka".equals(service) ? home.resolve("kafka").resolve("broker.pid") : home.resolve("run").resolve(service + ".pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid of " + service + " in " + pidFile, e);
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(service + " (pid " + pid + ") survived SIGKILL", e);
        }
    }

    /**
     * Runs {@code instances} of a service ({@code relay-worker} or {@code mailbox-service}) in
     * the same consumer groups, as {@code POSTFLOW_SCALE_<SERVICE>} tells mailctl; instance k > 1
     * is called {@code service-k}, and its HTTP port is {@code port("http.service-k")}.
     */
    public synchronized void scaleOut(String service, int instances) {
        String variable = service.replace('-', '_').toUpperCase();
        for (int k = 2; k <= instances; k++) {
            if (!ports.containsKey("http." + service + "-" + k)) {
                port("http." + service + "-" + k, "POSTFLOW_HTTP_PORT_" + variable + "_" + k);
            }
        }
        environment.put("POSTFLOW_SCALE_" + variable, String.valueOf(instances));
        up();
    }

    /** The body of {@code GET /q/metrics} of a service instance ({@code relay-worker-2}, ...). */
    public String metrics(String instance) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port("http." + instance) + "/q/metrics"))
                    .timeout(java.time.Duration.ofSeconds(10)).build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ./mailctl up}: starts whatever is not running, as an operator would after a crash. */
    public void up() {
        mailctl(List.of("up"), 600);
    }

    /** The last lines of every service log, for a failure message. */
    public String serviceLogTails() {
        StringBuilder tails = new StringBuilder();
        try (var logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                tails.append("==> ").append(log.getFileName()).append(" <==\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()))).append('\n');
            }
        } catch (IOException e) {
            tails.append("(no logs: ").append(e.getMessage()).append(")\n");
        }
        return tails.toString();
    }

    private void stop() {
        try {
            mailctl(List.of("down"), 120);
        } catch (RuntimeException e) {
            System.err.println("mailctl down failed: " + e.getMessage());
        } finally {
            database.close();
            dns.close();
            remoteMx.close();
        }
    }
}
