package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4; MODSEQ, RFC 7162 §3.1.5 and §3.1.6): the keys become one
 * criteria tree for one mailbox-service call; sequence numbers and \Recent are resolved here,
 * against the view.
 */
@ApplicationScoped
public class SearchHandler implements CommandHandler<ImapCommand.Search> {

    private final MailboxClient mailbox;

    public SearchHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Search> type() {
        return ImapCommand.Search.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Search command, SessionContext session) {
        SelectedView view = session.view();
        if (view.exists() == 0) {
            session.write(new ImapWriter().raw("* SEARCH").crlf());
            return Future.succeededFuture(Tagged.ok("SEARCH completed"));
        }
        return mailbox.search(session.account(), view.mailboxId(), SearchCriteria.of(command.key(), view)).map(found -> {
            ImapWriter out = new ImapWriter().raw("* SEARCH");
            boolean any = false;
            for (long uid : found.uids()) {
                int sequence = view.sequenceOf(uid);
                if (sequence > 0) {
                    out.sp().number(command.uid() ? uid : sequence);
                    any = true;
                }
            }
            // RFC 7162 §3.1.6: with a MODSEQ key and matches, the highest MODSEQ of the matches.
            if (any && found.maxModseq() != null && command.key().usesModseq()) {
                out.raw(" (MODSEQ ").number(found.maxModseq()).raw(")");
            }
            session.write(out.crlf());
            return Tagged.ok("SEARCH completed");
        });
    }
}
