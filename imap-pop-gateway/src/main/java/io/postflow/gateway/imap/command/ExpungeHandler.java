package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1); the session writes the untagged
 * EXPUNGE responses before the tagged OK.
 */
@ApplicationScoped
public class ExpungeHandler implements CommandHandler<ImapCommand.Expunge> {

    private final MailboxClient mailbox;

    public ExpungeHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Expunge> type() {
        return ImapCommand.Expunge.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Expunge command, SessionContext session) {
        SelectedView view = session.view();
        if (view.readOnly()) {
            return Future.succeededFuture(Tagged.no("READ-ONLY", "mailbox is read-only"));
        }
        String uids = command.uids() == null ? null : view.uidsOfUidSet(command.uids());
        if (command.uids() != null && uids == null) {
            return Future.succeededFuture(Tagged.ok("EXPUNGE completed"));
        }
        return mailbox.expunge(session.account(), view.mailboxId(), uids).map(expunged -> {
            view.expunged(expunged);
            return Tagged.ok("EXPUNGE completed");
        });
    }
}
