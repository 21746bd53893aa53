package io.postflow.gateway.imap.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.server.Listeners;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The two IMAP listeners of the CONTRACT: {@code postflow.imap.port} in plain text with STARTTLS
 * and {@code postflow.imaps.port} with TLS from the first byte (RFC 8314), one NetServer per event
 * loop each.
 */
@ApplicationScoped
public class ImapServer {

    private static final Logger LOG = Logger.getLogger(ImapServer.class);

    private final GatewayConfig config;
    private final ImapTls tls;
    private final ImapSessionFactory sessions;
    private final Listeners listeners;

    public ImapServer(Vertx vertx, GatewayConfig config, ImapTls tls, ImapSessionFactory sessions, ImapConnectionLimits limits) {
        this.config = config;
        this.tls = tls;
        this.sessions = sessions;
        this.listeners = new Listeners(vertx, tls.keyCert(), limits.limits(), "* BYE ",
                (socket, tlsAvailable, implicitTls, onClose) -> sessions.open(vertx, socket, tlsAvailable, onClose).start());
    }

    void start(@Observes StartupEvent event) throws Exception {
        if (!listeners.start(new Listeners.Listener("imap", config.imap(), -1),
                new Listeners.Listener("imaps", config.imaps(), -2))) {
            LOG.warnf("no certificate in TLS configuration '%s' (quarkus.tls.%s.key-store.pem.0.cert/key): "
                    + "STARTTLS is not offered and IMAPS does not listen", tls.name(), tls.name());
        }
        LOG.infof("IMAP listening: %s (%d command handlers)", listeners.ports(), sessions.handlerCount());
    }

    /** The bound port of {@code imap} or {@code imaps} (for tests on port 0), or -1. */
    public int port(String listener) {
        return listeners.port(listener);
    }

    void stop(@Observes ShutdownEvent event) {
        listeners.stop();
    }
}
