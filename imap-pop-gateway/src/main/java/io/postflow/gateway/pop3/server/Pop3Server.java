package io.postflow.gateway.pop3.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.pop3.session.Pop3Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The two POP3 listeners of the CONTRACT: {@code postflow.pop3.port} in plain text with STLS
 * (RFC 2595) and {@code postflow.pop3s.port} with TLS from the first byte (RFC 8314), one
 * NetServer per event loop each.
 */
@ApplicationScoped
public class Pop3Server {

    private static final Logger LOG = Logger.getLogger(Pop3Server.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Pop3Tls tls;
    private final Pop3SessionFactory sessions;
    private final ConnectionCounts counts;
    private final Pop3Metrics metrics;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final List<String> deployments = new ArrayList<>();

    public Pop3Server(Vertx vertx, GatewayConfig config, Pop3Tls tls, Pop3SessionFactory sessions, ConnectionCounts counts,
                      Pop3Metrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.tls = tls;
        this.sessions = sessions;
        this.counts = counts;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) throws Exception {
        listen("pop3", config.pop3(), false);
        if (tls.keyCert().isPresent()) {
            listen("pop3s", config.pop3s(), true);
        } else {
            LOG.warnf("no certificate in TLS configuration '%s' (quarkus.tls.%s.key-store.pem.0.cert/key): "
                    + "STLS is not offered and POP3S does not listen", tls.name(), tls.name());
        }
        LOG.infof("POP3 listening: %s (%d command handlers)", ports, sessions.handlerCount());
    }

    private void listen(String name, GatewayConfig.Listener where, boolean implicitTls) throws Exception {
        // Port 0 (tests): a negative port is one random port shared by all verticle instances.
        int port = where.port() == 0 ? (implicitTls ? -4 : -3) : where.port();
        NetServerOptions options = new NetServerOptions().setHost(where.host()).setPort(port);
        tls.keyCert().ifPresent(keyCert -> options.setKeyCertOptions(keyCert).setSsl(implicitTls));
        boolean tlsAvailable = tls.keyCert().isPresent();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        String id = vertx.deployVerticle(() -> new AbstractVerticle() {
            private NetServer server;

            @Override
            public void start(Promise<Void> started) {
                server = vertx.createNetServer(options).connectHandler(socket -> accept(socket, tlsAvailable, implicitTls));
                server.listen().onSuccess(s -> ports.put(name, s.actualPort())).<Void>mapEmpty().onComplete(started);
            }

            @Override
            public void stop(Promise<Void> stopped) {
                server.close().onComplete(stopped);
            }
        }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        deployments.add(id);
    }

    private void accept(NetSocket socket, boolean tlsAvailable, boolean implicitTls) {
        String address = socket.remoteAddress().hostAddress();
        String refusal = counts.open(address);
        if (refusal != null) {
            // RFC 2449 §8.1.3-style: a temporary refusal in place of the greeting.
            socket.write(Buffer.buffer("-ERR [SYS/TEMP] " + refusal + "\r\n")).onComplete(v -> socket.close());
            return;
        }
        metrics.sessionOpened(implicitTls);
        sessions.open(vertx, socket, tlsAvailable, () -> counts.close(address)).start();
    }

    /** The bound port of {@code pop3} or {@code pop3s} (for tests on port 0), or -1. */
    public int port(String listener) {
        return ports.getOrDefault(listener, -1);
    }

    /** The listeners that are bound now. */
    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** Whether every listener that should listen does (POP3S only with a certificate). */
    public boolean listening() {
        return ports.containsKey("pop3") && (tls.keyCert().isEmpty() || ports.containsKey("pop3s"));
    }

    void stop(@Observes ShutdownEvent event) {
        for (String id : deployments) {
            vertx.undeploy(id).toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
        }
    }
}
