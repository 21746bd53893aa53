package io.postflow.ingress.server;

import io.postflow.ingress.config.SmtpIngressConfig;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.KeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The listeners' certificate from the Quarkus TLS registry ({@code quarkus.tls.smtp.*}, PEM
 * files). Absent when not configured: then STARTTLS is not offered and SMTPS does not listen.
 */
@ApplicationScoped
public class ListenerTls {

    private final Optional<KeyCertOptions> keyCert;
    private final String name;

    public ListenerTls(TlsConfigurationRegistry registry, SmtpIngressConfig config) {
        this.name = config.tlsConfigurationName();
        this.keyCert = registry.get(name).map(TlsConfiguration::getKeyStoreOptions);
    }

    public Optional<KeyCertOptions> keyCert() {
        return keyCert;
    }

    public String name() {
        return name;
    }
}
