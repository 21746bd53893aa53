package io.postflow.common.event;

import java.util.List;
import java.util.Objects;

/**
 * A change to one mailbox, published on {@code mailbox.events} keyed by mailbox id. Events are
 * hints: a gateway session that sees one asks mailbox-service for what changed since the MODSEQ
 * it knows, so a lost or duplicated event costs a round trip, never correctness.
 *
 * @param mailboxId the mailbox
 * @param account   canonical address of the mailbox's owner
 * @param type      what happened
 * @param modseq    the mailbox's HIGHESTMODSEQ after the change (RFC 7162)
 * @param uidNext   the mailbox's UIDNEXT after the change
 * @param uids      the UIDs concerned (new, changed or expunged), ascending
 */
public record MailboxEvent(long mailboxId, String account, Type type, long modseq, long uidNext, List<Long> uids) {

    public static final int CURRENT_VERSION = 1;

    public enum Type {
        /** New messages (delivery, APPEND, COPY, MOVE target). */
        EXISTS,
        /** Flags or keywords changed. */
        FLAGS,
        /** Messages removed. */
        EXPUNGE,
        /** Mailboxes created, deleted, renamed or (un)subscribed: the list changed. */
        MAILBOXES
    }

    public MailboxEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        uids = List.copyOf(uids);
    }
}
