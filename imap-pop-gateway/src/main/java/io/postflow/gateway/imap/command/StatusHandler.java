package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.MailboxInfo;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.3.10, one call. */
@ApplicationScoped
public class StatusHandler implements CommandHandler<ImapCommand.Status> {

    private final MailboxClient mailbox;

    public StatusHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Status> type() {
        return ImapCommand.Status.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Status command, SessionContext session) {
        return mailbox.byName(session.account(), command.mailbox()).map(info -> {
            ImapWriter out = new ImapWriter().raw("* STATUS ").mailbox(command.mailbox()).raw(" (");
            for (int i = 0; i < command.items().size(); i++) {
                String item = command.items().get(i);
                out.raw(i == 0 ? "" : " ").raw(item).sp().number(value(item, info));
            }
            session.write(out.raw(")").crlf());
            return Tagged.ok("STATUS completed");
        });
    }

    /** One STATUS item's value; also LIST-STATUS's (RFC 5819). */
    static long value(String item, MailboxInfo info) {
        return switch (item) {
            case "MESSAGES" -> info.messages();
            case "RECENT" -> info.recent();
            case "UIDNEXT" -> info.uidNext();
            case "UIDVALIDITY" -> info.uidValidity();
            case "HIGHESTMODSEQ" -> info.highestModseq(); // RFC 7162 §3.1.7
            // RFC 9208 §5.1: what an EXPUNGE would free, in KiB like the STORAGE resource (rounded up, as usage is)
            case "DELETED-STORAGE" -> (info.deletedBytes() + 1023) / 1024;
            default -> info.unseen();
        };
    }
}
