package io.postflow.mailbox.domain.mail;

import java.util.List;
import java.util.UUID;

/**
 * A POP3 maildrop (the account's INBOX) as one session locked it: the lease that locks it and every
 * message it had at that moment, the session's whole view (RFC 1939 §5: numbering and sizes do not
 * change during the session).
 *
 * @param lease       the lease token: renewal, release and the UPDATE-state deletions name it
 * @param mailboxId   the INBOX the deletions apply to
 * @param uidValidity the INBOX's UIDVALIDITY, the first half of every UIDL value
 * @param messages    UID and RFC822.SIZE of each message, by ascending UID
 */
public record Maildrop(UUID lease, long mailboxId, long uidValidity, List<Entry> messages) {

    public Maildrop {
        messages = List.copyOf(messages);
    }

    /** One message: its UID and its size in octets as RETR sends it (trace prefix included). */
    public record Entry(long uid, long size) {
    }
}
