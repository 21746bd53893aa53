package io.postflow.gateway.imap.server;

import io.postflow.gateway.config.GatewayConfig;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.KeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The IMAP listeners' certificate from the Quarkus TLS registry ({@code quarkus.tls.imap.*}, PEM
 * files, as smtp-ingress does it). Absent: no STARTTLS, IMAPS does not listen.
 */
@ApplicationScoped
public class ImapTls {

    private final Optional<KeyCertOptions> keyCert;
    private final String name;

    public ImapTls(TlsConfigurationRegistry registry, GatewayConfig config) {
        this.name = config.imap().tlsConfigurationName();
        this.keyCert = registry.get(name).map(TlsConfiguration::getKeyStoreOptions);
    }

    public Optional<KeyCertOptions> keyCert() {
        return keyCert;
    }

    public String name() {
        return name;
    }
}
