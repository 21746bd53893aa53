package io.postflow.gateway.pop3.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.pop3.session.Pop3Metrics;
import io.postflow.gateway.server.Listeners;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The two POP3 listeners of the CONTRACT: {@code postflow.pop3.port} in plain text with STLS
 * (RFC 2595) and {@code postflow.pop3s.port} with TLS from the first byte (RFC 8314), one
 * NetServer per event loop each.
 */
@ApplicationScoped
public class Pop3Server {

    private static final Logger LOG = Logger.getLogger(Pop3Server.class);
    // RFC 2449 §8.1.3-style: a temporary refusal in place of the greeting.
    private static final String REFUSAL = "-ERR [SYS/TEMP] ";

    private final GatewayConfig config;
    private final Pop3Tls tls;
    private final Pop3SessionFactory sessions;
    private final Listeners listeners;

    public Pop3Server(Vertx vertx, GatewayConfig config, Pop3Tls tls, Pop3SessionFactory sessions, ConnectionCounts counts,
                      Pop3Metrics metrics) {
        this.config = config;
        this.tls = tls;
        this.sessions = sessions;
        this.listeners = new Listeners(vertx, tls.keyCert(), counts.limits(), REFUSAL,
                (socket, tlsAvailable, implicitTls, onClose) -> {
                    metrics.sessionOpened(implicitTls);
                    sessions.open(vertx, socket, tlsAvailable, onClose).start();
                });
    }

    void start(@Observes StartupEvent event) throws Exception {
        if (!listeners.start(new Listeners.Listener("pop3", config.pop3(), -3),
                new Listeners.Listener("pop3s", config.pop3s(), -4))) {
            LOG.warnf("no certificate in TLS configuration '%s' (quarkus.tls.%s.key-store.pem.0.cert/key): "
                    + "STLS is not offered and POP3S does not listen", tls.name(), tls.name());
        }
        LOG.infof("POP3 listening: %s (%d command handlers)", listeners.ports(), sessions.handlerCount());
    }

    /** The bound port of {@code pop3} or {@code pop3s} (for tests on port 0), or -1. */
    public int port(String listener) {
        return listeners.port(listener);
    }

    /** The listeners that are bound now. */
    public Map<String, Integer> ports() {
        return Map.copyOf(listeners.ports());
    }

    /** Whether every listener that should listen does (POP3S only with a certificate). */
    public boolean listening() {
        Map<String, Integer> bound = listeners.ports();
        return bound.containsKey("pop3") && (tls.keyCert().isEmpty() || bound.containsKey("pop3s"));
    }

    void stop(@Observes ShutdownEvent event) {
        listeners.stop();
    }
}
