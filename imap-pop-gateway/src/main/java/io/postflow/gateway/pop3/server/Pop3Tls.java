package io.postflow.gateway.pop3.server;

import io.postflow.gateway.pop3.Pop3Config;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.KeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The POP3 listeners' certificate from the Quarkus TLS registry ({@code quarkus.tls.pop3.*}, PEM
 * files, as for IMAP and smtp-ingress). Absent: no STLS, POP3S does not listen.
 */
@ApplicationScoped
public class Pop3Tls {

    private final Optional<KeyCertOptions> keyCert;
    private final String name;

    public Pop3Tls(TlsConfigurationRegistry registry, Pop3Config config) {
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
