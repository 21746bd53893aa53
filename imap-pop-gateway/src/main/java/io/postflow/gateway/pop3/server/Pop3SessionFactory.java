package io.postflow.gateway.pop3.server;

import io.postflow.common.io.LineReader;
import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.pop3.Pop3Config;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.postflow.gateway.pop3.session.Pop3Metrics;
import io.postflow.gateway.pop3.session.Pop3Session;
import io.postflow.gateway.pop3.session.Pop3Settings;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the pipeline of one connection: socket → LineReader → Pop3Session → handlers. */
@ApplicationScoped
public class Pop3SessionFactory {

    private final Map<Class<?>, Pop3Handler<?>> handlers = new HashMap<>();
    private final Pop3Leases leases;
    private final ConnectionCounts counts;
    private final Pop3Metrics metrics;
    private final Pop3Settings settings;
    private final int maxLine;
    private final String idPrefix = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private final AtomicLong sequence = new AtomicLong();

    public Pop3SessionFactory(@Any Instance<Pop3Handler<?>> all, Pop3Leases leases, ConnectionCounts counts,
                              Pop3Metrics metrics, Pop3Config config, GatewayConfig gateway) {
        all.forEach(handler -> handlers.put(handler.type(), handler));
        this.leases = leases;
        this.counts = counts;
        this.metrics = metrics;
        Pop3Config.Limits limits = config.limits();
        this.maxLine = limits.maxLine();
        this.settings = new Pop3Settings(limits.idleTimeout().toMillis(), gateway.auth().allowPlaintextOnLoopback(),
                limits.maxAuthFailures(), limits.authFailureDelay(), config.lease().ttl());
    }

    /** Every command has its handler: checked at start-up rather than at the first use. */
    public int handlerCount() {
        return handlers.size();
    }

    /** {@code onClose} runs after the session learnt that its socket closed. */
    Pop3Session open(Vertx vertx, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
        Pop3Session[] session = new Pop3Session[1];
        NetSocketPop3Connection connection = new NetSocketPop3Connection(vertx, socket, tlsAvailable, () -> {
            session[0].closed();
            onClose.run();
        });
        // A paused reader holds at most a few lines of pipelined commands before it pauses the socket.
        LineReader reader = new LineReader(socket, new LineReader.Limits(maxLine, 4 * maxLine, maxLine));
        String id = idPrefix + "-" + sequence.incrementAndGet();
        session[0] = new Pop3Session(id, connection, reader, handlers, leases, counts, settings, metrics);
        return session[0];
    }
}
