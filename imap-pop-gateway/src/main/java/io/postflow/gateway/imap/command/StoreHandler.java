package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.FlagState;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.StoreResult;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * STORE and UID STORE (RFC 3501 §6.4.6): one call for the whole set; \Recent is not stored. With
 * UNCHANGEDSINCE (RFC 7162 §3.1.3) mailbox-service tests and stores in the same statement, and the
 * messages that failed the test are named in the tagged [MODIFIED].
 */
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
        return mailbox.store(session.account(), view.mailboxId(), uids, mode, flags, command.unchangedSince())
                .map(result -> {
                    session.write(fetches(command, result, view, session.condstore()));
                    String modified = modified(command, result, view);
                    return modified.isEmpty() ? Tagged.ok("STORE completed")
                            : Tagged.ok("MODIFIED " + modified, "Conditional STORE failed");
                });
    }

    /**
     * The untagged FETCH of every stored message; with CONDSTORE enabled they carry UID and MODSEQ,
     * and .SILENT still reports the new MODSEQ of the messages that changed (RFC 7162 §3.1.3).
     */
    private static ImapWriter fetches(ImapCommand.Store command, StoreResult result, SelectedView view, boolean modseq) {
        Set<Long> updated = result.updated().stream().map(FlagState::uid).collect(Collectors.toSet());
        ImapWriter out = new ImapWriter();
        for (FlagState state : result.all()) {
            int sequence = view.sequenceOf(state.uid());
            if (sequence == 0) {
                continue;
            }
            view.flagsReported(state.uid(), state.modseq());
            if (!command.silent()) {
                out.raw("* ").number(sequence).raw(" FETCH (FLAGS ").list(view.flags(state.uid(), state.flags()));
                if (command.uid() || modseq) {
                    out.raw(" UID ").number(state.uid());
                }
                if (modseq) {
                    out.raw(" MODSEQ (").number(state.modseq()).raw(")");
                }
                out.raw(")").crlf();
            } else if (modseq && updated.contains(state.uid())) {
                out.raw("* ").number(sequence).raw(" FETCH (UID ").number(state.uid())
                        .raw(" MODSEQ (").number(state.modseq()).raw("))").crlf();
            }
        }
        return out;
    }

    /** The messages that failed UNCHANGEDSINCE, as UIDs for UID STORE, else as sequence numbers. */
    private static String modified(ImapCommand.Store command, StoreResult result, SelectedView view) {
        List<Long> numbers = new ArrayList<>();
        for (long uid : result.modified()) {
            int sequence = view.sequenceOf(uid);
            if (sequence > 0) {
                numbers.add(command.uid() ? uid : sequence);
            }
        }
        numbers.sort(null);
        return MessageSets.compact(numbers);
    }
}
