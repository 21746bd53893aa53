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

    record Select(String mailbox) implements ImapCommand {
    }

    record Examine(String mailbox) implements ImapCommand {
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

    record Fetch(boolean uid, SequenceSet set, List<FetchItem> items) implements ImapCommand {
    }

    enum StoreMode { REPLACE, ADD, REMOVE }

    record Store(boolean uid, SequenceSet set, StoreMode mode, boolean silent, List<String> flags) implements ImapCommand {
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
