package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.ImapRejection;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.MoveResult;

/**
 * MOVE and UID MOVE (RFC 6851) in one mailbox-service transaction: the untagged
 * {@code OK [COPYUID ...]} first, then an EXPUNGE for each moved message (written by the session
 * before the tagged OK, §4.3), [TRYCREATE] for a missing target and NO [READ-ONLY] after EXAMINE,
 * since a move expunges.
 */
@ApplicationScoped
public class MoveHandler implements CommandHandler<ImapCommand.Move> {

    private final MailboxClient mailbox;

    public MoveHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Move> type() {
        return ImapCommand.Move.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Move command, SessionContext session) {
        SelectedView view = session.view();
        String account = session.account();
        if (view.readOnly()) {
            return Future.succeededFuture(Tagged.no("READ-ONLY", "mailbox is read-only"));
        }
        String uids = MessageSets.uids(view, command.set(), command.uid());
        if (uids == null) {
            return Future.succeededFuture(Tagged.ok("MOVE completed"));
        }
        return mailbox.move(account, view.mailboxId(), uids, command.mailbox())
                .recover(e -> Future.failedFuture(e instanceof MailboxApiException api && api.error().equals("nonexistent")
                        ? new ImapRejection(Tagged.no("TRYCREATE", "no such mailbox")) : e))
                .map(moved -> {
                    if (moved.copy().targetId() == view.mailboxId()) {
                        session.markChanged();
                    }
                    return reply(moved, view, session);
                });
    }

    private static Tagged reply(MoveResult moved, SelectedView view, SessionContext session) {
        String code = CopyUid.code(moved.copy());
        if (code != null) {
            session.write(new ImapWriter().raw("* OK [").raw(code).raw("] moved").crlf());
        }
        view.expunged(moved.expunged());
        return Tagged.ok("MOVE completed");
    }
}
