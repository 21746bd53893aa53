package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row locks that begin every write of the internal message API, each with the ownership check
 * of the path ({@code /accounts/{address}/mailboxes/{id}}) in the same statement.
 *
 * <p>Lock order. Delivery locks accounts by id, then bodies by hash, then mailboxes by id. Writes
 * that change an account's usage or references (APPEND, COPY, MOVE, EXPUNGE) lock the account row
 * first as well, so two transactions that could both lock one of its mailboxes are serialised on
 * the account before either holds a mailbox or body. Mailboxes belong to one account, so the
 * remaining waits are on bodies, which everybody locks in hash order. A flag change locks only its
 * mailbox and then that mailbox's entries, which every writer locks only after the mailbox, so it
 * waits on nothing while holding anything another transaction needs.
 */
final class MailboxLocks {

    /** An account row locked for this transaction, and the id of the mailbox it was locked for. */
    record LockedAccount(long id, Long quotaBytes, long usedBytes, long mailboxId) {

        boolean exceedsQuota(long moreBytes) {
            return quotaBytes != null && usedBytes + moreBytes > quotaBytes;
        }
    }

    /** A mailbox row locked for this transaction, with its counters as of the lock. */
    record LockedMailbox(long id, long uidValidity, long uidNext, long highestModseq) {
    }

    private static final MailboxKeySql ACCOUNT = MailboxKeySql.of("""
            SELECT a.id, a.quota_bytes, a.used_bytes, m.id AS mailbox_id FROM account a JOIN mailbox m ON m.account_id = a.id
             WHERE m.id = $1 AND a.address = $2 FOR UPDATE OF a""");
    private static final String MAILBOXES = """
            SELECT id, uidvalidity, uidnext, highestmodseq FROM mailbox
             WHERE account_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE""";
    private static final String MAILBOX = """
            SELECT m.id, m.uidvalidity, m.uidnext, m.highestmodseq FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2 FOR UPDATE OF m""";

    private MailboxLocks() {
    }

    /** Locks the account that owns the mailbox; NONEXISTENT when it does not own it. */
    static Uni<LockedAccount> account(SqlConnection conn, String accountKey, long mailboxId) {
        return account(conn, accountKey, MailboxKey.of(mailboxId));
    }

    /**
     * Locks the account that owns the mailbox with this id or name; NONEXISTENT when there is none.
     * A name found here stays the mailbox's: list changes lock the account too.
     */
    static Uni<LockedAccount> account(SqlConnection conn, String accountKey, MailboxKey mailbox) {
        return conn.preparedQuery(ACCOUNT.of(mailbox)).execute(Tuple.of(mailbox.value(), accountKey)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            Row row = rows.iterator().next();
            return new LockedAccount(row.getLong("id"), row.getLong("quota_bytes"), row.getLong("used_bytes"),
                    row.getLong("mailbox_id"));
        });
    }

    /** Locks the account's mailboxes among {@code ids}, in id order; absent ones are missing from the map. */
    static Uni<Map<Long, LockedMailbox>> mailboxes(SqlConnection conn, long accountId, Long... ids) {
        return conn.preparedQuery(MAILBOXES).execute(Tuple.of(accountId, ids)).map(rows -> {
            Map<Long, LockedMailbox> locked = new TreeMap<>();
            for (Row row : rows) {
                LockedMailbox mailbox = mailbox(row);
                locked.put(mailbox.id(), mailbox);
            }
            return locked;
        });
    }

    /** Locks one mailbox of the account, without the account row (flag changes); NONEXISTENT if not owned. */
    static Uni<LockedMailbox> mailbox(SqlConnection conn, String accountKey, long mailboxId) {
        return conn.preparedQuery(MAILBOX).execute(Tuple.of(mailboxId, accountKey)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            return mailbox(rows.iterator().next());
        });
    }

    private static LockedMailbox mailbox(Row row) {
        return new LockedMailbox(row.getLong("id"), row.getLong("uidvalidity"), row.getLong("uidnext"),
                row.getLong("highestmodseq"));
    }
}
