package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.session.ImapState;

/** UNSELECT (RFC 3691): leaves the selected state like CLOSE, but expunges nothing. */
@ApplicationScoped
public class UnselectHandler implements CommandHandler<ImapCommand.Unselect> {

    @Override
    public Class<ImapCommand.Unselect> type() {
        return ImapCommand.Unselect.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Unselect command, SessionContext session) {
        session.state(new ImapState.Authenticated(session.account()));
        return Future.succeededFuture(Tagged.ok("UNSELECT completed"));
    }
}
