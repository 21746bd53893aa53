package io.postflow.gateway.pop3.server;

import io.postflow.gateway.pop3.session.Pop3Connection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The {@link Pop3Connection} port on a Vert.x NetSocket, used on the socket's event loop only. */
final class NetSocketPop3Connection implements Pop3Connection {

    private final Vertx vertx;
    private final NetSocket socket;
    private final boolean tlsAvailable;
    private final String clientAddress;
    private final boolean loopback;
    private Promise<Void> drainWaiter;
    private boolean open = true;

    /** {@code onClose} runs once when the socket closes, whoever closed it. */
    NetSocketPop3Connection(Vertx vertx, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
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

    static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress(); // an IP literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void write(byte[] bytes) {
        if (bytes.length > 0) {
            socket.write(Buffer.buffer(bytes));
        }
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public Future<Void> drained() {
        if (!socket.writeQueueFull()) {
            return Future.succeededFuture();
        }
        Promise<Void> drained = Promise.promise();
        drainWaiter = drained;
        socket.drainHandler(v -> {
            socket.drainHandler(null);
            drained.tryComplete();
        });
        return drained.future();
    }

    @Override
    public Future<Void> startTls() {
        return socket.upgradeToSsl();
    }

    @Override
    public boolean tlsActive() {
        return socket.isSsl();
    }

    @Override
    public boolean tlsAvailable() {
        return tlsAvailable;
    }

    @Override
    public boolean loopback() {
        return loopback;
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Runnable schedule(long delayMillis, Runnable action) {
        long id = vertx.setTimer(Math.max(1, delayMillis), t -> action.run());
        return () -> vertx.cancelTimer(id);
    }

    @Override
    public Runnable periodic(long periodMillis, Runnable action) {
        long id = vertx.setPeriodic(Math.max(1, periodMillis), t -> action.run());
        return () -> vertx.cancelTimer(id);
    }
}
