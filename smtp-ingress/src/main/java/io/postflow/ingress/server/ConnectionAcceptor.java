package io.postflow.ingress.server;

import io.postflow.common.io.LineReader;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpReplyEncoder;
import io.postflow.ingress.session.LineReaderInbound;
import io.postflow.ingress.session.ListenerKind;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionFactory;
import io.postflow.ingress.session.SmtpSession;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.jboss.logging.Logger;

/**
 * Builds the pipeline of one accepted connection: NetSocket → LineReader → SmtpSession (parser,
 * handlers) → Connection (encoder) → NetSocket. Refuses it first when a connection limit is hit.
 */
final class ConnectionAcceptor {

    private static final Logger LOG = Logger.getLogger(ConnectionAcceptor.class);

    private final Vertx vertx;
    private final SessionFactory sessions;
    private final ConnectionLimiter limiter;
    private final LiveSessions live;
    private final LineReader.Limits lineLimits;
    private final boolean tlsAvailable;
    private volatile boolean refusing;

    /** @param lineLimits above the line limit a line is dropped unread (500 5.5.6, or a spoilt message in DATA) */
    ConnectionAcceptor(Vertx vertx, SessionFactory sessions, ConnectionLimiter limiter, LiveSessions live,
                       LineReader.Limits lineLimits, boolean tlsAvailable) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.limiter = limiter;
        this.live = live;
        this.lineLimits = lineLimits;
        this.tlsAvailable = tlsAvailable;
    }

    /** From now on every connection is answered 421 4.3.2 (the server is shutting down). */
    void refuseNewConnections() {
        refusing = true;
    }

    void accept(ListenerKind listener, NetSocket socket) {
        String client = socket.remoteAddress().hostAddress();
        if (refusing) {
            refuse(socket, Replies.C421_SHUTTING_DOWN);
            return;
        }
        if (!limiter.tryAcquire(client)) {
            LOG.debugf("refusing %s on %s: connection limit", client, listener);
            refuse(socket, Replies.C421_TOO_MANY_CONNECTIONS);
            return;
        }
        Context context = vertx.getOrCreateContext();
        LineReader reader = new LineReader(socket, lineLimits);
        reader.exceptionHandler(e -> LOG.debugf("connection from %s: %s", client, e.toString()));
        SmtpSession session = sessions.create(listener, new NetSocketConnection(vertx, context, socket, tlsAvailable),
                new LineReaderInbound(reader));
        live.add(session, context);
        socket.closeHandler(closed -> {
            limiter.release(client);
            live.remove(session);
        });
        session.start();
    }

    /** RFC 5321 §3.1: a server that cannot serve may answer the connection with 421 and close. */
    private static void refuse(NetSocket socket, SmtpReply reply) {
        socket.write(Buffer.buffer(SmtpReplyEncoder.bytes(reply, true))).onComplete(written -> socket.close());
    }
}
