package io.postflow.mailbox.domain.mail;

import io.postflow.mailbox.persistence.MailboxAccess;
import io.postflow.mailbox.persistence.MailboxChangeQueries;
import io.postflow.mailbox.persistence.MailboxSelections;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What a session needs to open a mailbox and to keep its view of it current. */
@ApplicationScoped
public class MailboxSync {

    /** Entries per "changes" answer unless the caller asks for fewer. */
    public static final int DEFAULT_LIMIT = 1000;
    /** Bounds one answer's size; a caller pages beyond it. */
    public static final int MAX_LIMIT = 10000;
    /** Above every UID (RFC 3501 §2.3.1.1: UIDs are 32-bit): no cursor within a MODSEQ. */
    private static final long NO_CURSOR = 1L << 32;

    private final MailboxSelections selections;
    private final MailboxChangeQueries changes;

    MailboxSync(MailboxSelections selections, MailboxChangeQueries changes) {
        this.selections = selections;
        this.changes = changes;
    }

    /** SELECT (claims \Recent) or EXAMINE (read-only, claims nothing): RFC 3501 §6.3.1, §6.3.2. */
    public Uni<SelectedMailbox> open(String address, MailboxKey mailbox, boolean readOnly) {
        return selections.open(MailboxAccess.accountKey(address), mailbox, readOnly);
    }

    /**
     * Changes after {@code sinceModseq}; with {@code afterUid}, only those after the entry
     * (sinceModseq, afterUid), to continue an answer that had {@code more}. With
     * {@code claimRecent} (a read-write session) the new arrivals become \Recent for the caller
     * alone (RFC 3501 §2.3.2).
     */
    public Uni<MailboxChanges> changes(String address, long mailboxId, Long sinceModseq, Long afterUid, Long limit,
                                       boolean claimRecent) {
        if (sinceModseq == null || sinceModseq < 0) {
            throw invalid("sinceModseq is required and must not be negative");
        }
        if (afterUid != null && (afterUid < 0 || afterUid >= NO_CURSOR)) {
            throw invalid("afterUid must be a UID");
        }
        long max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return changes.since(MailboxAccess.accountKey(address), mailboxId, sinceModseq,
                afterUid == null ? NO_CURSOR : afterUid, (int) max, claimRecent);
    }

    private static MailRejection invalid(String detail) {
        return new MailRejection(MailRejection.Code.INVALID, detail);
    }
}
