package io.postflow.gateway.imap.server;

import io.postflow.testkit.FreePorts;
import io.postflow.testkit.TestDatabase;
import io.postflow.testkit.TestKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real mailbox-service, started as its own process from the jar the reactor built
 * ({@code mailbox-service/target/quarkus-app}, so build it first: {@code ./mvnw -pl
 * mailbox-service,imap-pop-gateway -am verify}; the full reactor lists mailbox-service before the
 * gateway), on a fresh PostgreSQL database and the test JVM's Kafka broker. It gets one domain and
 * one account, {@value #USER} / {@value #PASSWORD}. Also a self-signed certificate for the IMAP
 * listeners. Used by every {@code @QuarkusTest} of the IMAP server. The service runs under
 * {@link ExitWithParent}, so it ends with the test JVM even when that is killed with -9.
 */
public class MailboxServiceProcess implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "alice@example.test";
    public static final String PASSWORD = "correct horse battery";
    static final String INTERNAL_TOKEN = "imap-test-internal-token-0123456789";
    static final String ADMIN_TOKEN = "imap-test-admin-token-0123456789";

    private TestDatabase database;
    private Process process;

    @Override
    public Map<String, String> start() {
        try {
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
                    .redirectOutput(Path.of("target", "mailbox-service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("POSTFLOW_DB_URL", database.url());
            env.put("POSTFLOW_DB_USERNAME", database.user());
            env.put("POSTFLOW_DB_PASSWORD", database.password() == null ? "" : database.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            env.put("POSTFLOW_ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("POSTFLOW_INTERNAL_TOKEN", INTERNAL_TOKEN);
            process = builder.start();
            String base = "http://127.0.0.1:" + port;
            awaitReady(base);
            admin(base, "/api/v1/domains", "{\"name\":\"example.test\"}");
            admin(base, "/api/v1/accounts", "{\"address\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
            PemCertificateFiles files = certificate();
            return Map.of(
                    "postflow.mailbox.url", base,
                    "postflow.internal.token", INTERNAL_TOKEN,
                    "quarkus.tls.imap.key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                    "quarkus.tls.imap.key-store.pem.0.key", files.keyFile().toAbsolutePath().toString());
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start mailbox-service for the IMAP tests", e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mailbox-service exited; see target/mailbox-service.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("mailbox-service not ready in 120 s; see target/mailbox-service.log");
    }

    private static void admin(String base, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static PemCertificateFiles certificate() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "certs"));
        return (PemCertificateFiles) new CertificateGenerator(dir, true).generate(new CertificateRequest()
                .withName("imap").withCN("imap.postflow.test").withSubjectAlternativeName("DNS:localhost")
                .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
    }

    @Override
    public void stop() {
        if (process != null) {
            ExitWithParent.release(process);
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
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

    static File log() {
        return Path.of("target", "mailbox-service.log").toFile();
    }
}
