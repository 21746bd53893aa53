package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.1.1. */
@ApplicationScoped
public class CapabilityHandler implements CommandHandler<ImapCommand.Capability> {

    @Override
    public Class<ImapCommand.Capability> type() {
        return ImapCommand.Capability.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Capability command, SessionContext session) {
        session.write(new ImapWriter().raw("* CAPABILITY ").raw(session.capabilities()).crlf());
        return Future.succeededFuture(Tagged.ok("CAPABILITY completed"));
    }
}
