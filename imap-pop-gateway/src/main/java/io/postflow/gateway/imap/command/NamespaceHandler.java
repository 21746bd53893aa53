package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.protocol.ImapWriter;

/**
 * NAMESPACE (RFC 2342 §5): one personal namespace with the empty prefix and LIST's delimiter
 * {@code /}; there are no other users' or shared mailboxes.
 */
@ApplicationScoped
public class NamespaceHandler implements CommandHandler<ImapCommand.Namespace> {

    @Override
    public Class<ImapCommand.Namespace> type() {
        return ImapCommand.Namespace.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Namespace command, SessionContext session) {
        session.write(new ImapWriter().raw("* NAMESPACE ((\"\" \"/\")) NIL NIL").crlf());
        return Future.succeededFuture(Tagged.ok("NAMESPACE completed"));
    }
}
