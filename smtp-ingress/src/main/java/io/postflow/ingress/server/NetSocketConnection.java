package io.postflow.ingress.server;

import io.postflow.common.record.TlsInfo;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpReplyEncoder;
import io.postflow.ingress.session.Connection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLSession;

/** The {@link Connection} port on a Vert.x NetSocket. Used on the socket's event loop only. */
final class NetSocketConnection implements Connection {

    private final Vertx vertx;
    private final Context context;
    private final NetSocket socket;
    private final boolean tlsAvailable;
    private final String clientAddress;
    private final boolean loopback;

    NetSocketConnection(Vertx vertx, Context context, NetSocket socket, boolean tlsAvailable) {
        this.vertx = vertx;
        this.context = context;
        this.socket = socket;
        this.tlsAvailable = tlsAvailable;
        this.clientAddress = socket.remoteAddress().hostAddress();
        this.loopback = isLoopback(clientAddress);
    }

    static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress(); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** ENHANCEDSTATUSCODES is always offered, so every reply carries its status (RFC 2034 §4). */
    @Override
    public Uni<Void> reply(SmtpReply reply) {
        socket.write(Buffer.buffer(SmtpReplyEncoder.bytes(reply, true)));
        if (!socket.writeQueueFull()) {
            return Uni.createFrom().voidItem();
        }
        // The client does not read its replies: stop reading its commands until it does.
        return Uni.createFrom().emitter(emitter -> socket.drainHandler(v -> {
            socket.drainHandler(null);
            emitter.complete(null);
        }));
    }

    @Override
    public boolean tlsAvailable() {
        return tlsAvailable;
    }

    @Override
    public Uni<Void> startTls() {
        return Uni.createFrom().completionStage(() -> socket.upgradeToSsl().toCompletionStage());
    }

    @Override
    public TlsInfo tls() {
        if (!socket.isSsl()) {
            return null;
        }
        SSLSession session = socket.sslSession();
        return session == null ? null : new TlsInfo(session.getProtocol(), session.getCipherSuite());
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public boolean loopback() {
        return loopback;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public void execute(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    @Override
    public long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable action) {
        long id = vertx.setTimer(Math.max(1, delayMillis), t -> action.run());
        return () -> vertx.cancelTimer(id);
    }
}
