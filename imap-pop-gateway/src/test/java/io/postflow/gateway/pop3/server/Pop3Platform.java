package io.postflow.gateway.pop3.server;

import io.postflow.testkit.FreePorts;
import io.postflow.testkit.TestDatabase;
import io.postflow.testkit.TestKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real mailbox-service for the POP3 tests, started as its own process from the jar the reactor
 * built ({@code mailbox-service/target/quarkus-app}: {@code ./mvnw -pl mailbox-service,imap-pop-gateway
 * -am verify}), on a fresh PostgreSQL database and the test JVM's Kafka broker, with a self-signed
 * certificate for STLS/POP3S. Each test makes its own account ({@link #newAccount}) and fills its
 * INBOX through the internal API ({@link #append}), so tests never share a maildrop. Short POP3
 * limits make the idle timeout and the connection limits testable.
 */
public class Pop3Platform implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "pop3 test password";
    public static final int MAX_PER_ADDRESS = 12;
    public static final long IDLE_SECONDS = 6;
    static final String INTERNAL_TOKEN = "pop3-test-internal-token-0123456789";
    static final String ADMIN_TOKEN = "pop3-test-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static volatile String base;

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
            database = TestDatabase.create();
            int port = FreePorts.next();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "mailbox-service-pop3.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("POSTFLOW_DB_URL", database.url());
            env.put("POSTFLOW_DB_USERNAME", database.user());
            env.put("POSTFLOW_DB_PASSWORD", database.password() == null ? "" : database.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            env.put("POSTFLOW_ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("POSTFLOW_INTERNAL_TOKEN", INTERNAL_TOKEN);
            process = builder.start();
            base = "http://127.0.0.1:" + port;
            awaitReady();
            send("POST", "/api/v1/domains", ADMIN_TOKEN, "application/json", "{\"name\":\"example.test\"}".getBytes(), 201);
            Path dir = Files.createDirectories(Path.of("target", "certs"));
            PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(dir, true).generate(new CertificateRequest()
                    .withName("pop3").withCN("pop3.postflow.test").withSubjectAlternativeName("DNS:localhost")
                    .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
            return Map.of(
                    "postflow.mailbox.url", base,
                    "postflow.internal.token", INTERNAL_TOKEN,
                    "quarkus.tls.pop3.key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                    "quarkus.tls.pop3.key-store.pem.0.key", files.keyFile().toAbsolutePath().toString(),
                    "postflow.pop3.limits.idle-timeout", "PT" + IDLE_SECONDS + "S",
                    "postflow.pop3.limits.max-connections-per-address", Integer.toString(MAX_PER_ADDRESS),
                    "postflow.pop3.limits.auth-failure-delay", "PT0.1S",
                    "postflow.pop3.lease.ttl", "PT3S");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start mailbox-service for the POP3 tests", e);
        }
    }

    /** A new account with {@link #PASSWORD}; answers its address. */
    public static String newAccount(String purpose) {
        String address = purpose + "-" + ACCOUNTS.incrementAndGet() + "@example.test";
        send("POST", "/api/v1/accounts", ADMIN_TOKEN, "application/json",
                ("{\"address\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), 201);
        return address;
    }

    /** APPENDs a message to the account's INBOX; answers its UID. */
    public static long append(String address, byte[] message) {
        String answer = send("POST", mailboxes(address) + "/" + inbox(address) + "/messages", INTERNAL_TOKEN, "message/rfc822",
                message, 201);
        return number(answer, "uid");
    }

    /** The INBOX's id and UIDVALIDITY, as the internal API (and so IMAP) gives them. */
    public static long inbox(String address) {
        return number(send("GET", mailboxes(address) + "/by-name?name=INBOX", INTERNAL_TOKEN, null, null, 200), "id");
    }

    public static long uidValidity(String address) {
        return number(send("GET", mailboxes(address) + "/by-name?name=INBOX", INTERNAL_TOKEN, null, null, 200), "uidValidity");
    }

    /** Messages now in the account's INBOX. */
    public static long inboxCount(String address) {
        return number(send("GET", mailboxes(address) + "/by-name?name=INBOX", INTERNAL_TOKEN, null, null, 200), "messages");
    }

    private static String mailboxes(String address) {
        return "/internal/v1/accounts/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/mailboxes";
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String send(String method, String path, String token, String type, byte[] body, int expected) {
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
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mailbox-service exited; see target/mailbox-service-pop3.log");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("mailbox-service not ready in 120 s; see target/mailbox-service-pop3.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
