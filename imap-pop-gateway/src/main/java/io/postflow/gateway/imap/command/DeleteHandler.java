package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.3.4; INBOX cannot be deleted (mailbox-service answers cannot). */
@ApplicationScoped
public class DeleteHandler implements CommandHandler<ImapCommand.Delete> {

    private final MailboxClient mailbox;

    public DeleteHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Delete> type() {
        return ImapCommand.Delete.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Delete command, SessionContext session) {
        String account = session.account();
        return mailbox.delete(account, command.mailbox()).map(v -> Tagged.ok("DELETE completed"));
    }
}
