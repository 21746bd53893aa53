package io.postflow.gateway.imap.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/** The RFC 3501 commands, named after their verb; parsed by {@link CommandParser}. */
public sealed interface ImapCommand {

    record Capability() implements ImapCommand {
    }

    record Noop() implements ImapCommand {
    }

    record Logout() implements ImapCommand {
    }

    record StartTls() implements ImapCommand {
    }

    /** @param initialResponse SASL-IR (RFC 4959) base64, {@code =} for empty, or null */
    record Authenticate(String mechanism, String initialResponse) implements ImapCommand {
    }

    record Login(String user, String password) implements ImapCommand {
    }

    /** @param condstore the {@code (CONDSTORE)} select parameter (RFC 7162 §3.1.8) */
    record Select(String mailbox, boolean condstore) implements ImapCommand {

        public Select(String mailbox) {
            this(mailbox, false);
        }
    }

    /** @param condstore the {@code (CONDSTORE)} select parameter (RFC 7162 §3.1.8) */
    record Examine(String mailbox, boolean condstore) implements ImapCommand {

        public Examine(String mailbox) {
            this(mailbox, false);
        }
    }

    /** CREATE, with the special uses of CREATE-SPECIAL-USE (RFC 6154 §3) as sent; empty for none. */
    record Create(String mailbox, List<String> use) implements ImapCommand {

        public Create(String mailbox) {
            this(mailbox, List.of());
        }
    }

    record Delete(String mailbox) implements ImapCommand {
    }

    record Rename(String from, String to) implements ImapCommand {
    }

    record Subscribe(String mailbox) implements ImapCommand {
    }

    record Unsubscribe(String mailbox) implements ImapCommand {
    }

    /**
     * LIST, or LSUB when {@code subscribedOnly}. An extended LIST (RFC 5258) may give several
     * patterns and {@link ListOptions}; a plain one has one pattern and {@link ListOptions#NONE}.
     */
    record ListMailboxes(String reference, List<String> patterns, boolean subscribedOnly, ListOptions options)
            implements ImapCommand {

        public ListMailboxes(String reference, String pattern, boolean subscribedOnly) {
            this(reference, List.of(pattern), subscribedOnly, ListOptions.NONE);
        }
    }

    record Status(String mailbox, List<String> items) implements ImapCommand {
    }

    /** @param date INTERNALDATE, or null for now */
    record Append(String mailbox, List<String> flags, OffsetDateTime date, byte[] message) implements ImapCommand {
    }

    record Check() implements ImapCommand {
    }

    record Close() implements ImapCommand {
    }

    /** EXPUNGE, or UID EXPUNGE (RFC 4315) with {@code uids}. */
    record Expunge(SequenceSet uids) implements ImapCommand {
    }

    record Search(boolean uid, SearchKey key) implements ImapCommand {
    }

    /** @param changedSince the CHANGEDSINCE modifier (RFC 7162 §3.1.4), or null */
    record Fetch(boolean uid, SequenceSet set, List<FetchItem> items, Long changedSince) implements ImapCommand {

        public Fetch(boolean uid, SequenceSet set, List<FetchItem> items) {
            this(uid, set, items, null);
        }
    }

    enum StoreMode { REPLACE, ADD, REMOVE }

    /** @param unchangedSince the UNCHANGEDSINCE modifier (RFC 7162 §3.1.3), or null */
    record Store(boolean uid, SequenceSet set, StoreMode mode, boolean silent, List<String> flags, Long unchangedSince)
            implements ImapCommand {

        public Store(boolean uid, SequenceSet set, StoreMode mode, boolean silent, List<String> flags) {
            this(uid, set, mode, silent, flags, null);
        }
    }

    record Copy(boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }

    /** IDLE (RFC 2177): untagged updates until the client sends DONE. */
    record Idle() implements ImapCommand {
    }

    /** MOVE and UID MOVE (RFC 6851). */
    record Move(boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }

    /** UNSELECT (RFC 3691): CLOSE without the expunge. */
    record Unselect() implements ImapCommand {
    }

    /** NAMESPACE (RFC 2342). */
    record Namespace() implements ImapCommand {
    }

    /** ID (RFC 2971); {@code fields} in the client's order, empty for {@code ID NIL}; values may be null (NIL). */
    record Id(java.util.Map<String, String> fields) implements ImapCommand {
    }

    /** ENABLE (RFC 5161) with the capability names as sent, upper-cased. */
    record Enable(List<String> capabilities) implements ImapCommand {
    }

    /**
     * Whether this command enables CONDSTORE implicitly (RFC 7162 §3.1: SELECT/EXAMINE (CONDSTORE),
     * FETCH MODSEQ or CHANGEDSINCE, STORE UNCHANGEDSINCE, SEARCH MODSEQ, STATUS HIGHESTMODSEQ).
     */
    default boolean enablesCondstore() {
        return this instanceof Select s && s.condstore() || this instanceof Examine e && e.condstore()
                || this instanceof Fetch f && (f.changedSince() != null || f.items().stream().anyMatch(i -> i instanceof FetchItem.Modseq))
                || this instanceof Store st && st.unchangedSince() != null
                || this instanceof Search s2 && s2.key().usesModseq()
                || this instanceof Status st2 && st2.items().contains("HIGHESTMODSEQ");
    }

    /** GETQUOTA (RFC 9208 §4.2). */
    record GetQuota(String root) implements ImapCommand {
    }

    /** GETQUOTAROOT (RFC 9208 §4.3). */
    record GetQuotaRoot(String mailbox) implements ImapCommand {
    }

    /** SETQUOTA (RFC 9208 §4.1) with the limits asked for, resource names upper-cased. */
    record SetQuota(String root, java.util.Map<String, Long> limits) implements ImapCommand {
    }

    /** Uses of a message set: UID forms may be answered with untagged EXPUNGE (RFC 3501 §7.4.1). */
    default boolean isUidForm() {
        return this instanceof Search s && s.uid() || this instanceof Fetch f && f.uid() || this instanceof Store st && st.uid()
                || this instanceof Copy c && c.uid() || this instanceof Move m && m.uid() || this instanceof Expunge;
    }
}
