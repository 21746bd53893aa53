package io.postflow.gateway.imap.server;

import io.postflow.gateway.imap.session.ImapConnection;
import io.postflow.gateway.server.NetSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;

/** The {@link ImapConnection} port on a Vert.x NetSocket, used on the socket's event loop only. */
final class NetSocketImapConnection extends NetSocketConnection implements ImapConnection {

    private final Context context;

    /** {@code onClose} runs once when the socket closes, whoever closed it. */
    NetSocketImapConnection(Vertx vertx, Context context, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
        super(vertx, socket, tlsAvailable, onClose);
        this.context = context;
    }

    @Override
    public Future<Void> stream(ReadStream<Buffer> body) {
        return body.pipe().endOnSuccess(false).endOnFailure(false).to(socket());
    }

    @Override
    public void execute(Runnable action) {
        context.runOnContext(v -> action.run());
    }
}
