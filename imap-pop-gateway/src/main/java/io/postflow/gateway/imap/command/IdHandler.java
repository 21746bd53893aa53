package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.protocol.ImapWriter;
import org.jboss.logging.Logger;

/**
 * ID (RFC 2971): answers the server's name in any state. What the client says about itself is only
 * logged (at debug): RFC 2971 §7 warns against changing behaviour on it.
 */
@ApplicationScoped
public class IdHandler implements CommandHandler<ImapCommand.Id> {

    private static final Logger LOG = Logger.getLogger(IdHandler.class);

    @Override
    public Class<ImapCommand.Id> type() {
        return ImapCommand.Id.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Id command, SessionContext session) {
        if (LOG.isDebugEnabled() && !command.fields().isEmpty()) {
            LOG.debugf("IMAP client %s identifies as %s", session.connection().clientAddress(), command.fields());
        }
        // No version: RFC 2971 §7 advises against revealing it.
        session.write(new ImapWriter().raw("* ID (").string("name").sp().string("Postflow").sp().string("vendor").sp()
                .string("Postflow").raw(")").crlf());
        return Future.succeededFuture(Tagged.ok("ID completed"));
    }
}
