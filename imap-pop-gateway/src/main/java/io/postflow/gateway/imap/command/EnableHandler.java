package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.protocol.ImapWriter;

/**
 * ENABLE (RFC 5161): CONDSTORE (RFC 7162 §3.1) is the one extension here that can be enabled;
 * the untagged ENABLED lists it when asked for, and unknown names are ignored (§3.1), not refused.
 */
@ApplicationScoped
public class EnableHandler implements CommandHandler<ImapCommand.Enable> {

    @Override
    public Class<ImapCommand.Enable> type() {
        return ImapCommand.Enable.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Enable command, SessionContext session) {
        ImapWriter out = new ImapWriter().raw("* ENABLED");
        if (command.capabilities().contains("CONDSTORE")) {
            session.enableCondstore();
            out.raw(" CONDSTORE");
        }
        session.write(out.crlf());
        return Future.succeededFuture(Tagged.ok("ENABLE completed"));
    }
}
