package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.protocol.ImapWriter;

/**
 * ENABLE (RFC 5161): none of the extensions this server implements needs enabling, so the
 * untagged ENABLED lists nothing; unknown names are ignored (§3.1), not refused.
 */
@ApplicationScoped
public class EnableHandler implements CommandHandler<ImapCommand.Enable> {

    @Override
    public Class<ImapCommand.Enable> type() {
        return ImapCommand.Enable.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Enable command, SessionContext session) {
        session.write(new ImapWriter().raw("* ENABLED").crlf());
        return Future.succeededFuture(Tagged.ok("ENABLE completed"));
    }
}
