package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapState;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.SelectInfo;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2) in one call by name: mailbox-service claims
 * \Recent atomically for SELECT and answers the UID list below its UIDNEXT; anything newer
 * arrives through the changes since its MODSEQ.
 */
@ApplicationScoped
public class SelectHandler {

    static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private final MailboxClient mailbox;

    public SelectHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    Future<Tagged> open(String name, boolean readOnly, boolean condstore, SessionContext session) {
        String account = session.account();
        // A failed SELECT leaves no mailbox selected (RFC 3501 §6.3.1).
        session.state(new ImapState.Authenticated(account));
        if (condstore) {
            session.enableCondstore(); // no mailbox is selected now: HIGHESTMODSEQ comes below (RFC 7162 §3.1.8)
        }
        return mailbox.select(account, name, readOnly).map(selected -> opened(selected, readOnly, session));
    }

    private static Tagged opened(SelectInfo selected, boolean readOnly, SessionContext session) {
        SelectedView view = new SelectedView(selected.id(), selected.name(), readOnly, selected.uidValidity(),
                selected.uidNext(), selected.highestModseq(), selected.uids(), readOnly ? 0 : selected.recentFrom());
        List<String> flags = new ArrayList<>(SYSTEM_FLAGS);
        flags.addAll(selected.keywords());
        List<String> permanent = new ArrayList<>(flags);
        permanent.add("\\*");
        ImapWriter out = new ImapWriter()
                .raw("* FLAGS ").list(flags).crlf()
                .raw("* OK [PERMANENTFLAGS ").list(readOnly ? List.of() : permanent).raw("] Flags permitted").crlf()
                .raw("* ").number(view.exists()).raw(" EXISTS").crlf()
                .raw("* ").number(view.recentCount()).raw(" RECENT").crlf();
        if (selected.firstUnseen() != null && view.sequenceOf(selected.firstUnseen()) > 0) {
            out.raw("* OK [UNSEEN ").number(view.sequenceOf(selected.firstUnseen())).raw("] First unseen").crlf();
        }
        out.raw("* OK [UIDVALIDITY ").number(selected.uidValidity()).raw("] UIDs valid").crlf()
                .raw("* OK [UIDNEXT ").number(selected.uidNext()).raw("] Predicted next UID").crlf();
        if (session.condstore()) {
            // RFC 7162 §3.1.2.1; every mailbox here has MODSEQs, so NOMODSEQ is never said.
            out.raw("* OK [HIGHESTMODSEQ ").number(selected.highestModseq()).raw("] Highest").crlf();
        }
        session.write(out);
        session.state(new ImapState.Selected(session.account(), view));
        return Tagged.ok(readOnly ? "READ-ONLY" : "READ-WRITE", (readOnly ? "EXAMINE" : "SELECT") + " completed");
    }

    @ApplicationScoped
    public static class Select implements CommandHandler<ImapCommand.Select> {

        private final SelectHandler select;

        public Select(SelectHandler select) {
            this.select = select;
        }

        @Override
        public Class<ImapCommand.Select> type() {
            return ImapCommand.Select.class;
        }

        @Override
        public Future<Tagged> handle(ImapCommand.Select command, SessionContext session) {
            return select.open(command.mailbox(), false, command.condstore(), session);
        }
    }

    @ApplicationScoped
    public static class Examine implements CommandHandler<ImapCommand.Examine> {

        private final SelectHandler select;

        public Examine(SelectHandler select) {
            this.select = select;
        }

        @Override
        public Class<ImapCommand.Examine> type() {
            return ImapCommand.Examine.class;
        }

        @Override
        public Future<Tagged> handle(ImapCommand.Examine command, SessionContext session) {
            return select.open(command.mailbox(), true, command.condstore(), session);
        }
    }
}
