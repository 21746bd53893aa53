package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapRejection;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.CopyResult;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** COPY and UID COPY (RFC 3501 §6.4.7) with COPYUID (RFC 4315 §3) and [TRYCREATE]. */
@ApplicationScoped
public class CopyHandler implements CommandHandler<ImapCommand.Copy> {

    private final MailboxClient mailbox;

    public CopyHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Copy> type() {
        return ImapCommand.Copy.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Copy command, SessionContext session) {
        SelectedView view = session.view();
        String account = session.account();
        String uids = MessageSets.uids(view, command.set(), command.uid());
        if (uids == null) {
            // Nothing of the view matches (a UID set past every UID, or an empty mailbox): nothing to copy.
            return Future.succeededFuture(Tagged.ok("COPY completed"));
        }
        return mailbox.copy(account, view.mailboxId(), uids, command.mailbox())
                .recover(e -> Future.failedFuture(e instanceof MailboxApiException api && api.error().equals("nonexistent")
                        ? new ImapRejection(Tagged.no("TRYCREATE", "no such mailbox")) : e))
                .map(result -> {
                    if (result.targetId() == view.mailboxId()) {
                        session.markChanged();
                    }
                    return reply(result);
                });
    }

    private static Tagged reply(CopyResult result) {
        String code = CopyUid.code(result);
        return code == null ? Tagged.ok("COPY completed") : Tagged.ok(code, "COPY completed");
    }
}
