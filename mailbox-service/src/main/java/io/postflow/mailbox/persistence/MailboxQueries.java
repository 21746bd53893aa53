package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MailboxStatus;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads mailboxes with their counters. A whole list is one query whatever its length: the
 * counters live on the mailbox row, and the \Recent count is one index range per mailbox
 * ({@code uid >= first_recent_uid} on the primary key).
 */
@ApplicationScoped
public class MailboxQueries {

    /** The columns {@link #status(Row)} reads, for statements of other classes too. */
    static final String STATUS_COLUMNS = """
            m.id, m.name, m.special_use, m.uidvalidity, m.uidnext, m.highestmodseq,
            EXISTS (SELECT 1 FROM subscription s WHERE s.account_id = m.account_id AND s.name = m.name) AS subscribed,
            m.message_count, m.unseen_count,
            (SELECT count(*) FROM mailbox_message e WHERE e.mailbox_id = m.id AND e.uid >= m.first_recent_uid) AS recent""";

    // LEFT JOIN: an account without mailboxes is one row with a null id, no account is no row.
    // Sorted by code point (collation "C"), whatever the database's locale.
    private static final String LIST = """
            SELECT %s
              FROM account a LEFT JOIN mailbox m ON m.account_id = a.id
             WHERE a.address = $1
             ORDER BY m.name COLLATE "C"
            """.formatted(STATUS_COLUMNS);
    private static final MailboxKeySql BY_KEY = MailboxKeySql.of("""
            SELECT %s
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2
            """.formatted(STATUS_COLUMNS));
    /**
     * STATUS of one mailbox also says how many octets an EXPUNGE would free (RFC 9208 §5.1
     * DELETED-STORAGE): one pass over the mailbox's entries, so only here and not in every list.
     */
    private static final MailboxKeySql STATUS_BY_KEY = MailboxKeySql.of("""
            SELECT %s,
                   (SELECT coalesce(sum(e.size), 0) FROM mailbox_message e
                     WHERE e.mailbox_id = m.id AND e.flags & %d <> 0) AS deleted_bytes
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2
            """.formatted(STATUS_COLUMNS, SystemFlags.DELETED));

    private final Pool pool;

    public MailboxQueries(Pool pool) {
        this.pool = pool;
    }

    /** Every mailbox of the account, sorted by name. */
    public Uni<List<MailboxStatus>> list(String accountKey) {
        return pool.preparedQuery(LIST).execute(Tuple.of(accountKey)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such account");
            }
            List<MailboxStatus> all = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.getLong("id") != null) {
                    all.add(status(row));
                }
            }
            return all;
        });
    }

    /** One mailbox by id or name (STATUS). */
    public Uni<MailboxStatus> get(String accountKey, MailboxKey key) {
        return pool.preparedQuery(STATUS_BY_KEY.of(key)).execute(Tuple.of(key.value(), accountKey)).map(MailboxQueries::single);
    }

    /** The mailbox as {@code client} sees it, e.g. inside the caller's transaction. */
    static Uni<MailboxStatus> byId(SqlClient client, String accountKey, long mailboxId) {
        return client.preparedQuery(BY_KEY.byId()).execute(Tuple.of(mailboxId, accountKey)).map(MailboxQueries::single);
    }

    static MailboxStatus status(Row row) {
        return new MailboxStatus(row.getLong("id"), row.getString("name"), row.getString("special_use"),
                row.getBoolean("subscribed"), row.getLong("uidvalidity"), row.getLong("uidnext"),
                row.getLong("highestmodseq"), row.getInteger("message_count"), row.getInteger("unseen_count"),
                row.getLong("recent").intValue(),
                row.getColumnIndex("deleted_bytes") >= 0 ? row.getLong("deleted_bytes") : null);
    }

    private static MailboxStatus single(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        return status(rows.iterator().next());
    }
}
