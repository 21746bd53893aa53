package io.postflow.mailbox.persistence;

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

    /** An account row locked for this transaction. */
    record LockedAccount(long id, Long quotaBytes, long usedBytes) {

        boolean exceedsQuota(long moreBytes) {
            return quotaBytes != null && usedBytes + moreBytes > quotaBytes;
        }
    }

    /** A mailbox row locked for this transaction, with its counters as of the lock. */
    record LockedMailbox(long id, long uidValidity, long uidNext, long highestModseq) {
    }

    private static final String ACCOUNT = """
            SELECT a.id, a.quota_bytes, a.used_bytes FROM account a JOIN mailbox m ON m.account_id = a.id
             WHERE a.address = $1 AND m.id = $2 FOR UPDATE OF a""";
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
        return conn.preparedQuery(ACCOUNT).execute(Tuple.of(accountKey, mailboxId)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            Row row = rows.iterator().next();
            return new LockedAccount(row.getLong("id"), row.getLong("quota_bytes"), row.getLong("used_bytes"));
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
