package io.postflow.gateway.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.limits.ConnectionLimits;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The two listeners of one protocol (CONTRACT): one in plain text that offers STARTTLS/STLS and,
 * when there is a certificate, one with TLS from the first byte (RFC 8314), one NetServer per event
 * loop each. A client over the connection limits gets one refusal line in place of the greeting.
 */
public final class Listeners {

    /** What the protocol does with a connection let in; {@code onClose} frees its slot and must run once it closes. */
    @FunctionalInterface
    public interface Acceptor {
        void accept(NetSocket socket, boolean tlsAvailable, boolean implicitTls, Runnable onClose);
    }

    /**
     * One listener: its name ({@code imap}), where it binds, and the negative port that stands for
     * the configured port 0 (tests): one random port shared by all verticle instances.
     */
    public record Listener(String name, GatewayConfig.Listener where, int randomPort) {
    }

    private final Vertx vertx;
    private final Optional<KeyCertOptions> keyCert;
    private final ConnectionLimits limits;
    private final String refusalPrefix;
    private final Acceptor acceptor;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final List<String> deployments = new ArrayList<>();

    /** {@code refusalPrefix} comes before the limits' reason on the line a refused client gets. */
    public Listeners(Vertx vertx, Optional<KeyCertOptions> keyCert, ConnectionLimits limits, String refusalPrefix,
                     Acceptor acceptor) {
        this.vertx = vertx;
        this.keyCert = keyCert;
        this.limits = limits;
        this.refusalPrefix = refusalPrefix;
        this.acceptor = acceptor;
    }

    /** Binds {@code plain}, and {@code implicitTls} when there is a certificate; false when there is none. */
    public boolean start(Listener plain, Listener implicitTls) throws Exception {
        listen(plain, false);
        if (keyCert.isEmpty()) {
            return false;
        }
        listen(implicitTls, true);
        return true;
    }

    private void listen(Listener listener, boolean implicitTls) throws Exception {
        GatewayConfig.Listener where = listener.where();
        int port = where.port() == 0 ? listener.randomPort() : where.port();
        NetServerOptions options = new NetServerOptions().setHost(where.host()).setPort(port);
        keyCert.ifPresent(cert -> options.setKeyCertOptions(cert).setSsl(implicitTls));
        boolean tlsAvailable = keyCert.isPresent();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        String id = vertx.deployVerticle(() -> new AbstractVerticle() {
            private NetServer server;

            @Override
            public void start(Promise<Void> started) {
                server = vertx.createNetServer(options).connectHandler(socket -> accept(socket, tlsAvailable, implicitTls));
                server.listen().onSuccess(s -> ports.put(listener.name(), s.actualPort())).<Void>mapEmpty().onComplete(started);
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
        String refusal = limits.open(address);
        if (refusal != null) {
            socket.write(Buffer.buffer(refusalPrefix + refusal + "\r\n")).onComplete(v -> socket.close());
            return;
        }
        acceptor.accept(socket, tlsAvailable, implicitTls, () -> limits.close(address));
    }

    /** The bound port of a listener (for tests on port 0), or -1. */
    public int port(String listener) {
        return ports.getOrDefault(listener, -1);
    }

    /** The listeners that are bound now, by name (a live view). */
    public Map<String, Integer> ports() {
        return Collections.unmodifiableMap(ports);
    }

    public void stop() {
        for (String id : deployments) {
            vertx.undeploy(id).toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
        }
    }
}
