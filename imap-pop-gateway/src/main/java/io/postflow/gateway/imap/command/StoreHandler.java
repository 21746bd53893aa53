package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.FlagState;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** STORE and UID STORE (RFC 3501 §6.4.6): one call for the whole set; \Recent is not stored. */
@ApplicationScoped
public class StoreHandler implements CommandHandler<ImapCommand.Store> {

    private final MailboxClient mailbox;

    public StoreHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Store> type() {
        return ImapCommand.Store.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Store command, SessionContext session) {
        SelectedView view = session.view();
        if (view.readOnly()) {
            return Future.succeededFuture(Tagged.no("READ-ONLY", "mailbox is read-only"));
        }
        String uids = MessageSets.uids(view, command.set(), command.uid());
        if (uids == null) {
            return Future.succeededFuture(Tagged.ok("STORE completed"));
        }
        List<String> flags = command.flags().stream().filter(f -> !f.equalsIgnoreCase("\\Recent")).toList();
        String mode = switch (command.mode()) {
            case REPLACE -> "replace";
            case ADD -> "add";
            case REMOVE -> "remove";
        };
        return mailbox.store(session.account(), view.mailboxId(), uids, mode, flags).map(states -> {
            ImapWriter out = new ImapWriter();
            for (FlagState state : states) {
                int sequence = view.sequenceOf(state.uid());
                if (sequence == 0) {
                    continue;
                }
                view.flagsReported(state.uid(), state.modseq());
                if (!command.silent()) {
                    out.raw("* ").number(sequence).raw(" FETCH (FLAGS ").list(view.flags(state.uid(), state.flags()));
                    if (command.uid()) {
                        out.raw(" UID ").number(state.uid());
                    }
                    out.raw(")").crlf();
                }
            }
            session.write(out);
            return Tagged.ok("STORE completed");
        });
    }
}
