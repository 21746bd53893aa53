package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.4.1: every write is already durable in mailbox-service; CHECK polls like NOOP. */
@ApplicationScoped
public class CheckHandler implements CommandHandler<ImapCommand.Check> {

    @Override
    public Class<ImapCommand.Check> type() {
        return ImapCommand.Check.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Check command, SessionContext session) {
        return Future.succeededFuture(Tagged.ok("CHECK completed"));
    }
}
