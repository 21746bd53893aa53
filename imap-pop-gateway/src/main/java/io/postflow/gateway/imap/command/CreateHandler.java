package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.3.3: a trailing delimiter only declares the intent to create inferiors. */
@ApplicationScoped
public class CreateHandler implements CommandHandler<ImapCommand.Create> {

    private final MailboxClient mailbox;

    public CreateHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Create> type() {
        return ImapCommand.Create.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Create command, SessionContext session) {
        String name = command.mailbox().replaceAll("/+$", "");
        if (name.isEmpty()) {
            return Future.succeededFuture(Tagged.no("CANNOT", "invalid mailbox name"));
        }
        return mailbox.create(session.account(), name).map(created -> Tagged.ok("CREATE completed"));
    }
}
