package io.postflow.ingress.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A self-signed PEM pair for the STARTTLS and SMTPS listeners, generated per run under
 * {@code target/certs} and handed to the Quarkus TLS registry as {@code quarkus.tls.smtp.*}.
 */
public class SmtpTlsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "certs"));
            PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(dir, true).generate(new CertificateRequest()
                    .withName("smtp").withCN("mx.postflow.test").withSubjectAlternativeName("DNS:localhost")
                    .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
            return Map.of(
                    "quarkus.tls.smtp.key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                    "quarkus.tls.smtp.key-store.pem.0.key", files.keyFile().toAbsolutePath().toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate the test certificate", e);
        }
    }

    @Override
    public void stop() {
        // The files stay under target/, replaced by the next run.
    }
}
