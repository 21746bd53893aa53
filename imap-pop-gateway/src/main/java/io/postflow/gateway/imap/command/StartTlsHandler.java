package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 3501 §6.2.1: OK, then the TLS handshake. Plain text the client pipelined after STARTTLS is
 * discarded, never executed after the handshake (CVE-2011-0411 class of attack).
 */
@ApplicationScoped
public class StartTlsHandler implements CommandHandler<ImapCommand.StartTls> {

    @Override
    public Class<ImapCommand.StartTls> type() {
        return ImapCommand.StartTls.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.StartTls command, SessionContext session) {
        if (session.connection().tlsActive()) {
            return Future.succeededFuture(Tagged.bad("TLS is already active"));
        }
        if (!session.connection().tlsAvailable()) {
            return Future.succeededFuture(Tagged.no("TLS is not available"));
        }
        session.discardPlaintext();
        session.afterReply(() -> session.connection().startTls().onFailure(e -> session.connection().close()));
        return Future.succeededFuture(Tagged.ok("Begin TLS negotiation now"));
    }
}
