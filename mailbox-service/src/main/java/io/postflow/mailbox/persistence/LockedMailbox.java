package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A mailbox row locked for the rest of the caller's transaction, with the values a change of the
 * mailbox list needs. Locks are taken account first, then mailbox, the order the delivery path
 * uses (it locks the account, then allocates UIDs on the INBOX row), so the two cannot deadlock;
 * the account lock also serialises the list changes of one account, so a rename never races a
 * create of a name inside the renamed hierarchy.
 */
record LockedMailbox(long id, long accountId, String name, long uidNext, long highestModseq, long sizeBytes) {

    private static final String LOCK_ACCOUNT = "SELECT id FROM account WHERE address = $1 FOR UPDATE";
    private static final MailboxKeySql LOCK_MAILBOX = MailboxKeySql.of("""
            SELECT id, account_id, name, uidnext, highestmodseq, size_bytes
              FROM mailbox WHERE id = $1 AND account_id = $2 FOR UPDATE""");

    /** Locks the account with this key and answers its id. */
    static Uni<Long> lockAccount(SqlConnection conn, String accountKey) {
        return conn.preparedQuery(LOCK_ACCOUNT).execute(Tuple.of(accountKey)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such account");
            }
            return rows.iterator().next().getLong("id");
        });
    }

    /**
     * Locks the account, then its mailbox with this id or name. The account lock serialises the
     * account's list changes, so a name found here stays the mailbox's until the commit.
     */
    static Uni<LockedMailbox> lock(SqlConnection conn, String accountKey, MailboxKey mailbox) {
        return lockAccount(conn, accountKey)
                .chain(accountId -> conn.preparedQuery(LOCK_MAILBOX.of(mailbox)).execute(Tuple.of(mailbox.value(), accountId)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
                    }
                    Row row = rows.iterator().next();
                    return new LockedMailbox(row.getLong("id"), row.getLong("account_id"), row.getString("name"),
                            row.getLong("uidnext"), row.getLong("highestmodseq"), row.getLong("size_bytes"));
                });
    }
}
