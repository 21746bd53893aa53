package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.1.2: the session polls for mailbox changes after every NOOP. */
@ApplicationScoped
public class NoopHandler implements CommandHandler<ImapCommand.Noop> {

    @Override
    public Class<ImapCommand.Noop> type() {
        return ImapCommand.Noop.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Noop command, SessionContext session) {
        return Future.succeededFuture(Tagged.ok("NOOP completed"));
    }
}
