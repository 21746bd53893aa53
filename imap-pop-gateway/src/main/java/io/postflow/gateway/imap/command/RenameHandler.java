package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.3.5; renaming INBOX moves its messages (mailbox-service applies the INBOX rule). */
@ApplicationScoped
public class RenameHandler implements CommandHandler<ImapCommand.Rename> {

    private final MailboxClient mailbox;

    public RenameHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Rename> type() {
        return ImapCommand.Rename.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Rename command, SessionContext session) {
        String account = session.account();
        String target = command.to().replaceAll("/+$", "");
        return mailbox.rename(account, command.from(), target).map(v -> Tagged.ok("RENAME completed"));
    }
}
