package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.3.11 with APPENDUID (RFC 4315) and [TRYCREATE] for a missing mailbox. */
@ApplicationScoped
public class AppendHandler implements CommandHandler<ImapCommand.Append> {

    private final MailboxClient mailbox;

    public AppendHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Append> type() {
        return ImapCommand.Append.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Append command, SessionContext session) {
        String account = session.account();
        if (command.flags().contains("\\Recent")) {
            return Future.succeededFuture(Tagged.bad("\\Recent cannot be set"));
        }
        if (command.message().length == 0) {
            return Future.succeededFuture(Tagged.no("CANNOT", "empty message"));
        }
        return mailbox.append(account, command.mailbox(), command.message(), command.flags(), command.date())
                .recover(e -> Future.failedFuture(e instanceof MailboxApiException api && api.error().equals("nonexistent")
                        ? new io.postflow.gateway.imap.session.ImapRejection(Tagged.no("TRYCREATE", "no such mailbox")) : e))
                .map(appended -> {
                    SelectedView view = session.view();
                    if (view != null && view.mailboxId() == appended.mailboxId()) {
                        session.markChanged();
                    }
                    return Tagged.ok("APPENDUID " + appended.uidValidity() + " " + appended.uid(), "APPEND completed");
                });
    }
}
