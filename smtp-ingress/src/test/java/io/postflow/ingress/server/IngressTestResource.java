package io.postflow.ingress.server;

import io.postflow.testkit.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the ingress talks to besides Kafka, for every {@code @QuarkusTest} of this module (the same
 * resources everywhere, so one application and one test broker serve all test classes):
 * <ul>
 *   <li>a self-signed PEM pair for STARTTLS and SMTPS, as {@code quarkus.tls.smtp.*};</li>
 *   <li>a fake mailbox-service answering {@code POST /internal/v1/auth/verify} per its contract:
 *       {@value #USER} with password {@value #PASSWORD} is account 42, anything else 401.</li>
 * </ul>
 */
public class IngressTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "alice@example.test";
    public static final String PASSWORD = "s3cret";
    static final String TOKEN = "test-internal-token";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        try {
            PemCertificateFiles files = certificate();
            int port = FreePorts.next();
            vertx = Vertx.vertx();
            vertx.createHttpServer().requestHandler(this::verify).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of(
                    "quarkus.tls.smtp.key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                    "quarkus.tls.smtp.key-store.pem.0.key", files.keyFile().toAbsolutePath().toString(),
                    "postflow.mailbox.url", "http://127.0.0.1:" + port,
                    "postflow.internal.token", TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the ingress test resources", e);
        }
    }

    private static PemCertificateFiles certificate() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "certs"));
        return (PemCertificateFiles) new CertificateGenerator(dir, true).generate(new CertificateRequest()
                .withName("smtp").withCN("mx.postflow.test").withSubjectAlternativeName("DNS:localhost")
                .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
    }

    private void verify(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end("{\"error\":\"unauthorized\"}");
                return;
            }
            JsonObject credentials = body.toJsonObject();
            boolean right = USER.equals(credentials.getString("address")) && PASSWORD.equals(credentials.getString("password"));
            request.response().setStatusCode(right ? 200 : 401).putHeader("Content-Type", "application/json")
                    .end(right ? "{\"account\":\"" + USER + "\",\"accountId\":42}" : "{\"error\":\"authentication_failed\"}");
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
