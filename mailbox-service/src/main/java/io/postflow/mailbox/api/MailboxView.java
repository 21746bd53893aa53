package io.postflow.mailbox.api;

import io.postflow.mailbox.persistence.MailboxEntity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mailbox with the counters IMAP STATUS reports (RFC 3501 §6.3.10). */
@Schema(name = "Mailbox")
public record MailboxView(String name, int messages, int unseen, long uidvalidity, long uidnext) {

    static MailboxView of(MailboxEntity mailbox) {
        return new MailboxView(mailbox.name, mailbox.messageCount, mailbox.unseenCount, mailbox.uidvalidity, mailbox.uidnext);
    }
}
