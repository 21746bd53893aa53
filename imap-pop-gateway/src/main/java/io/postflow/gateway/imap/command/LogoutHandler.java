package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapState;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.1.3: BYE, then the tagged OK, then the connection closes. */
@ApplicationScoped
public class LogoutHandler implements CommandHandler<ImapCommand.Logout> {

    @Override
    public Class<ImapCommand.Logout> type() {
        return ImapCommand.Logout.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Logout command, SessionContext session) {
        session.write(new ImapWriter().raw("* BYE Postflow IMAP4rev1 server logging out").crlf());
        session.state(new ImapState.LoggedOut());
        session.afterReply(() -> session.connection().drained().onComplete(v -> session.connection().close()));
        return Future.succeededFuture(Tagged.ok("LOGOUT completed"));
    }
}
