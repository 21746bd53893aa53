package io.postflow.gateway.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the IMAP and POP3 connection ports share on a Vert.x NetSocket: writes, write-queue
 * backpressure, TLS, the client's address, close and timers. Used on the socket's event loop only;
 * each protocol's subclass implements its port and adds only what that protocol needs.
 */
public abstract class NetSocketConnection {

    private final Vertx vertx;
    private final NetSocket socket;
    private final boolean tlsAvailable;
    private final String clientAddress;
    private final boolean loopback;
    private Promise<Void> drainWaiter;
    private boolean open = true;

    /** {@code onClose} runs once when the socket closes, whoever closed it. */
    protected NetSocketConnection(Vertx vertx, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
        this.vertx = vertx;
        this.socket = socket;
        this.tlsAvailable = tlsAvailable;
        this.clientAddress = socket.remoteAddress().hostAddress();
        this.loopback = isLoopback(clientAddress);
        socket.closeHandler(v -> {
            open = false;
            if (drainWaiter != null) {
                drainWaiter.tryComplete();
            }
            onClose.run();
        });
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress(); // an IP literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    protected final Vertx vertx() {
        return vertx;
    }

    protected final NetSocket socket() {
        return socket;
    }

    public void write(byte[] bytes) {
        if (bytes.length > 0) {
            socket.write(Buffer.buffer(bytes));
        }
    }

    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    /** Completes once the peer has read enough for writing to go on, or the connection closed. */
    public Future<Void> drained() {
        if (!socket.writeQueueFull()) {
            return Future.succeededFuture();
        }
        // The client does not read: stop reading its commands until it does.
        Promise<Void> drained = Promise.promise();
        drainWaiter = drained;
        socket.drainHandler(v -> {
            socket.drainHandler(null);
            drained.tryComplete();
        });
        return drained.future();
    }

    public Future<Void> startTls() {
        return socket.upgradeToSsl();
    }

    public boolean tlsActive() {
        return socket.isSsl();
    }

    public boolean tlsAvailable() {
        return tlsAvailable;
    }

    public boolean loopback() {
        return loopback;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public void close() {
        socket.close();
    }

    /** False once the connection closed, whoever closed it. */
    public boolean isOpen() {
        return open;
    }

    /** Runs {@code action} after {@code delayMillis} on the connection's event loop; returns a cancel action. */
    public Runnable schedule(long delayMillis, Runnable action) {
        long id = vertx.setTimer(Math.max(1, delayMillis), t -> action.run());
        return () -> vertx.cancelTimer(id);
    }
}
