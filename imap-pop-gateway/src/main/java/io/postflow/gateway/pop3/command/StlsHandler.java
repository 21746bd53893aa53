package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.postflow.gateway.pop3.session.Pop3State;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 2595 §4 STLS: {@code +OK}, then the handshake. Plain text the client pipelined behind STLS
 * is dropped right before the handshake, never executed after it (CVE-2011-0411 class), and what
 * the client said before (a USER name) is forgotten.
 */
@ApplicationScoped
public class StlsHandler implements Pop3Handler<Pop3Command.Stls> {

    @Override
    public Class<Pop3Command.Stls> type() {
        return Pop3Command.Stls.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Stls command, Pop3Context session) {
        if (session.connection().tlsActive()) {
            return Future.succeededFuture(Pop3Reply.err("TLS is already active"));
        }
        if (!session.connection().tlsAvailable()) {
            return Future.succeededFuture(Pop3Reply.err("TLS is not available"));
        }
        session.state(new Pop3State.Authorization(null));
        session.afterReply(() -> {
            if (session.plaintextOverflowed()) {
                session.connection().close(); // more plain text than we buffer: some may still arrive after the handshake
                return Future.succeededFuture();
            }
            session.discardPlaintext();
            return session.connection().startTls().onFailure(e -> session.connection().close());
        });
        return Future.succeededFuture(Pop3Reply.ok("begin TLS negotiation"));
    }
}
