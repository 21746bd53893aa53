package io.postflow.gateway.testing;

import io.postflow.testkit.FreePorts;
import io.postflow.testkit.TestDatabase;
import io.postflow.testkit.TestKafka;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real mailbox-service for the gateway's tests, started as its own process from the jar the
 * reactor built ({@code mailbox-service/target/quarkus-app}, so build it first: {@code ./mvnw -pl
 * mailbox-service,imap-pop-gateway -am verify}; the full reactor lists mailbox-service before the
 * gateway), on a fresh PostgreSQL database and the test JVM's Kafka broker, with the domain
 * {@code example.test}. The service runs under {@link ExitWithParent}, so it ends with the test JVM
 * even when that is killed with -9.
 */
public final class MailboxService {

    public static final String DOMAIN = "example.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path log;
    private final String adminToken;
    private final String internalToken;
    private TestDatabase database;
    private Process process;
    private String base;

    /** {@code logName}: the service's output goes to {@code target/<logName>}. */
    public MailboxService(String logName, String adminToken, String internalToken) {
        this.log = Path.of("target", logName);
        this.adminToken = adminToken;
        this.internalToken = internalToken;
    }

    /** Starts the service and waits until it is ready; after a failure, {@link #stop()} cleans up. */
    public void start() throws Exception {
        Path jar = Path.of("..", "mailbox-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build mailbox-service first "
                    + "(./mvnw -pl mailbox-service,imap-pop-gateway -am verify)");
        }
        // A test profile restarts Quarkus in a new class loader, whose callers DriverManager does not
        // let use the driver the first one registered: loading the class registers it again here.
        Class.forName("org.postgresql.Driver");
        database = TestDatabase.create();
        int port = FreePorts.next();
        // Under a watchdog: a test JVM killed with -9 takes the service with it.
        ProcessBuilder builder = new ProcessBuilder(ExitWithParent.command(
                List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("POSTFLOW_DB_URL", database.url());
        env.put("POSTFLOW_DB_USERNAME", database.user());
        env.put("POSTFLOW_DB_PASSWORD", database.password() == null ? "" : database.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("POSTFLOW_ADMIN_TOKEN", adminToken);
        env.put("POSTFLOW_INTERNAL_TOKEN", internalToken);
        process = builder.start();
        base = "http://127.0.0.1:" + port;
        awaitReady();
        admin("/api/v1/domains", "{\"name\":\"" + DOMAIN + "\"}");
    }

    /**
     * The gateway's settings for this service, with a fresh self-signed certificate as the TLS
     * configuration {@code tls} ({@code quarkus.tls.<tls>.*}, for {@code localhost}).
     */
    public Map<String, String> gatewaySettings(String tls) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "certs"));
        PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(dir, true).generate(new CertificateRequest()
                .withName(tls).withCN(tls + ".postflow.test").withSubjectAlternativeName("DNS:localhost")
                .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
        return Map.of(
                "postflow.mailbox.url", base,
                "postflow.internal.token", internalToken,
                "quarkus.tls." + tls + ".key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                "quarkus.tls." + tls + ".key-store.pem.0.key", files.keyFile().toAbsolutePath().toString());
    }

    /** A POST of {@code json} to the admin API that must answer 201. */
    public void admin(String path, String json) {
        send("POST", path, adminToken, "application/json", json.getBytes(StandardCharsets.UTF_8), 201);
    }

    /** One call with the internal API's token; answers the body, which must come with {@code expected}. */
    public String internal(String method, String path, String type, byte[] body, int expected) {
        return send(method, path, internalToken, type, body, expected);
    }

    /** Runs one statement on the service's database, to arrange what no API call can. */
    public void sql(String statement) {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        if (database.password() != null && !database.password().isEmpty()) {
            props.setProperty("password", database.password());
        }
        // The driver directly, not DriverManager, for the class loader reason given in start().
        try (Connection c = new org.postgresql.Driver().connect(database.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + statement + ": " + e.getMessage(), e);
        }
    }

    private String send(String method, String path, String token, String type, byte[] body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mailbox-service exited; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("mailbox-service not ready in 120 s; see " + log);
    }

    public void stop() {
        if (process != null) {
            ExitWithParent.release(process);
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
