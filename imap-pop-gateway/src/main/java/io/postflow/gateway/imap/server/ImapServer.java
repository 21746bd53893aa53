package io.postflow.gateway.imap.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.limits.ConnectionLimits;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The two IMAP listeners of the CONTRACT: {@code postflow.imap.port} in plain text with STARTTLS
 * and {@code postflow.imaps.port} with TLS from the first byte (RFC 8314), one NetServer per event
 * loop each.
 */
@ApplicationScoped
public class ImapServer {

    private static final Logger LOG = Logger.getLogger(ImapServer.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final ImapTls tls;
    private final ImapSessionFactory sessions;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final List<String> deployments = new ArrayList<>();
    private final ConnectionLimits limits;

    public ImapServer(Vertx vertx, GatewayConfig config, ImapTls tls, ImapSessionFactory sessions, ImapConnectionLimits limits) {
        this.vertx = vertx;
        this.config = config;
        this.tls = tls;
        this.sessions = sessions;
        this.limits = limits.limits();
    }

    void start(@Observes StartupEvent event) throws Exception {
        listen("imap", config.imap(), false);
        if (tls.keyCert().isPresent()) {
            listen("imaps", config.imaps(), true);
        } else {
            LOG.warnf("no certificate in TLS configuration '%s' (quarkus.tls.%s.key-store.pem.0.cert/key): "
                    + "STARTTLS is not offered and IMAPS does not listen", tls.name(), tls.name());
        }
        LOG.infof("IMAP listening: %s (%d command handlers)", ports, sessions.handlerCount());
    }

    private void listen(String name, GatewayConfig.Listener where, boolean implicitTls) throws Exception {
        // Port 0 (tests): a negative port is one random port shared by all verticle instances.
        int port = where.port() == 0 ? (implicitTls ? -2 : -1) : where.port();
        NetServerOptions options = new NetServerOptions().setHost(where.host()).setPort(port);
        tls.keyCert().ifPresent(keyCert -> options.setKeyCertOptions(keyCert).setSsl(implicitTls));
        boolean tlsAvailable = tls.keyCert().isPresent();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        String id = vertx.deployVerticle(() -> new AbstractVerticle() {
            private NetServer server;

            @Override
            public void start(Promise<Void> started) {
                server = vertx.createNetServer(options).connectHandler(socket -> accept(socket, tlsAvailable));
                server.listen().onSuccess(s -> ports.put(name, s.actualPort())).<Void>mapEmpty().onComplete(started);
            }

            @Override
            public void stop(Promise<Void> stopped) {
                server.close().onComplete(stopped);
            }
        }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        deployments.add(id);
    }

    private void accept(io.vertx.core.net.NetSocket socket, boolean tlsAvailable) {
        String address = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
        String refusal = limits.open(address);
        if (refusal != null) {
            socket.write(io.vertx.core.buffer.Buffer.buffer("* BYE " + refusal + "\r\n")).onComplete(v -> socket.close());
            return;
        }
        sessions.open(vertx, socket, tlsAvailable, () -> limits.close(address)).start();
    }

    /** The bound port of {@code imap} or {@code imaps} (for tests on port 0), or -1. */
    public int port(String listener) {
        return ports.getOrDefault(listener, -1);
    }

    void stop(@Observes ShutdownEvent event) {
        for (String id : deployments) {
            vertx.undeploy(id).toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
        }
    }
}
