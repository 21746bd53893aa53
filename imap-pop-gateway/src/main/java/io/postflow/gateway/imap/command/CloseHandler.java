package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapState;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.4.2: expunges \Deleted messages silently (not after EXAMINE) and deselects. */
@ApplicationScoped
public class CloseHandler implements CommandHandler<ImapCommand.Close> {

    private final MailboxClient mailbox;

    public CloseHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Close> type() {
        return ImapCommand.Close.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Close command, SessionContext session) {
        SelectedView view = session.view();
        String account = session.account();
        Future<?> expunged = view.readOnly() ? Future.succeededFuture() : mailbox.expunge(account, view.mailboxId(), null);
        return expunged.map(v -> {
            session.state(new ImapState.Authenticated(account));
            return Tagged.ok("CLOSE completed");
        });
    }
}
