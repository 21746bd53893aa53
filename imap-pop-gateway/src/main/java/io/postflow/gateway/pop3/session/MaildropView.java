package io.postflow.gateway.pop3.session;

import io.postflow.gateway.mailbox.Maildrop;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's maildrop: the messages as they were at login, numbered from 1 (RFC 1939 §5: the
 * numbering does not change during a session), and which of them DELE marked. Unique ids are
 * {@code <UIDVALIDITY>.<UID>} of the INBOX message (RFC 1939 §7 UIDL: 0x21–0x7E, at most 70
 * characters): stable across sessions, and what an IMAP client sees as UIDVALIDITY and UID of the
 * same message.
 */
public final class MaildropView {

    private final Maildrop drop;
    private final boolean[] deleted;
    private int deletedCount;
    private long deletedOctets;
    private final long totalOctets;

    public MaildropView(Maildrop drop) {
        this.drop = drop;
        this.deleted = new boolean[drop.uids().length];
        long total = 0;
        for (long size : drop.sizes()) {
            total += size;
        }
        this.totalOctets = total;
    }

    public String lease() {
        return drop.lease();
    }

    public long mailboxId() {
        return drop.mailboxId();
    }

    /** Messages in the maildrop, marked ones included (the highest valid number). */
    public int size() {
        return deleted.length;
    }

    /** Messages not marked as deleted (STAT, RFC 1939 §5). */
    public int count() {
        return deleted.length - deletedCount;
    }

    /** Octets of the messages not marked as deleted. */
    public long octets() {
        return totalOctets - deletedOctets;
    }

    /** True when {@code n} names a message that is not marked as deleted. */
    public boolean exists(int n) {
        return n >= 1 && n <= deleted.length && !deleted[n - 1];
    }

    public boolean isDeleted(int n) {
        return n >= 1 && n <= deleted.length && deleted[n - 1];
    }

    public long uid(int n) {
        return drop.uids()[n - 1];
    }

    public long octets(int n) {
        return drop.sizes()[n - 1];
    }

    public String uniqueId(int n) {
        return drop.uidValidity() + "." + uid(n);
    }

    public void delete(int n) {
        deleted[n - 1] = true;
        deletedCount++;
        deletedOctets += octets(n);
    }

    /** RSET (RFC 1939 §5): every mark goes. */
    public void reset() {
        java.util.Arrays.fill(deleted, false);
        deletedCount = 0;
        deletedOctets = 0;
    }

    /** UIDs of the marked messages, ascending. */
    public List<Long> deletedUids() {
        List<Long> out = new ArrayList<>(deletedCount);
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i]) {
                out.add(drop.uids()[i]);
            }
        }
        return out;
    }
}
