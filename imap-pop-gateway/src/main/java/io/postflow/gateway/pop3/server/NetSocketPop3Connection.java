package io.postflow.gateway.pop3.server;

import io.postflow.gateway.pop3.session.Pop3Connection;
import io.postflow.gateway.server.NetSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;

/** The {@link Pop3Connection} port on a Vert.x NetSocket, used on the socket's event loop only. */
final class NetSocketPop3Connection extends NetSocketConnection implements Pop3Connection {

    /** {@code onClose} runs once when the socket closes, whoever closed it. */
    NetSocketPop3Connection(Vertx vertx, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
        super(vertx, socket, tlsAvailable, onClose);
    }

    @Override
    public Runnable periodic(long periodMillis, Runnable action) {
        long id = vertx().setPeriodic(Math.max(1, periodMillis), t -> action.run());
        return () -> vertx().cancelTimer(id);
    }
}
