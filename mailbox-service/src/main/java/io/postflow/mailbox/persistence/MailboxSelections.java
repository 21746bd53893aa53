package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.SelectedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Opens a mailbox for a session: SELECT claims the \Recent messages, EXAMINE only looks; both
 * answer the UID list, so a session opens a mailbox in one call.
 */
@ApplicationScoped
public class MailboxSelections {

    /*
     * RFC 3501 §2.3.2: a message is \Recent in exactly one session. The mailbox row is locked
     * first (the "target" CTE); a second SELECT waits there and then reads the row as the first
     * left it, so the UIDs from first_recent_uid up to UIDNEXT - 1 go to exactly one of them. An
     * UPDATE ... FROM mailbox could not promise that: its joined copy of the row would be the one
     * the statement's snapshot saw, not the one the other session committed.
     */
    private static final MailboxKeySql CLAIM = MailboxKeySql.of("""
            WITH target AS (
                SELECT m.id, m.first_recent_uid
                  FROM mailbox m JOIN account a ON a.id = m.account_id
                 WHERE m.id = $1 AND a.address = $2
                   FOR UPDATE OF m)
            UPDATE mailbox m SET first_recent_uid = m.uidnext
              FROM target t WHERE m.id = t.id
            RETURNING m.id, m.name, m.uidvalidity, m.uidnext, m.highestmodseq, m.message_count, m.unseen_count,
                      t.first_recent_uid AS recent_from""");
    private static final MailboxKeySql EXAMINE = MailboxKeySql.of("""
            SELECT m.id, m.name, m.uidvalidity, m.uidnext, m.highestmodseq, m.message_count, m.unseen_count,
                   m.first_recent_uid AS recent_from
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2""");
    /*
     * What the session needs besides the row, as of a statement that starts after the row was
     * read, so it sees every entry below that UIDNEXT (writers move UIDNEXT in the commit that
     * inserts the entries); entries from that UIDNEXT on are left to the changes since its MODSEQ.
     * The UIDs come as ranges (gaps and islands: within a run of consecutive UIDs, uid minus its
     * row number is constant), "1:4,7,9:12", so a mailbox without holes is one short string.
     * Lowest unseen UID from the partial index on unseen entries; keywords in use from the
     * entries (RFC 3501 §7.2.6 FLAGS lists the flags defined in the mailbox).
     */
    private static final String DETAILS = """
            SELECT (SELECT min(e.uid) FROM mailbox_message e WHERE e.mailbox_id = $1 AND e.uid < $2 AND e.flags & 1 = 0)
                       AS first_unseen,
                   ARRAY(SELECT DISTINCT k COLLATE "C" FROM mailbox_message e, unnest(e.keywords) AS k
                          WHERE e.mailbox_id = $1 ORDER BY 1) AS keywords,
                   (SELECT string_agg(CASE WHEN lo = hi THEN lo::text ELSE lo || ':' || hi END, ',' ORDER BY lo)
                      FROM (SELECT min(uid) AS lo, max(uid) AS hi
                              FROM (SELECT e.uid, e.uid - row_number() OVER (ORDER BY e.uid) AS run
                                      FROM mailbox_message e WHERE e.mailbox_id = $1 AND e.uid < $2) u
                             GROUP BY run) r) AS uids""";

    private final Pool pool;

    public MailboxSelections(Pool pool) {
        this.pool = pool;
    }

    /**
     * Opens the mailbox. Read-write, the session claims every message not claimed before (and
     * answers them as {@code recentFrom} up to UIDNEXT - 1); read-only, the range is what no
     * session has claimed yet, and stays unclaimed (RFC 3501 §6.3.2: EXAMINE changes nothing).
     *
     * <p>The row and the details are two statements of one transaction: the second starts after
     * the first has read (and, for SELECT, locked) the row, so its UID list holds every message
     * below the row's UIDNEXT. One round trip for the caller either way.
     */
    public Uni<SelectedMailbox> open(String accountKey, MailboxKey mailbox, boolean readOnly) {
        String sql = (readOnly ? EXAMINE : CLAIM).of(mailbox);
        return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(Tuple.of(mailbox.value(), accountKey))
                .map(MailboxSelections::single)
                .chain(row -> conn.preparedQuery(DETAILS).execute(Tuple.of(row.getLong("id"), row.getLong("uidnext")))
                        .map(details -> selected(row, details.iterator().next()))));
    }

    private static Row single(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        return rows.iterator().next();
    }

    private static SelectedMailbox selected(Row row, Row details) {
        String uids = details.getString("uids");
        return new SelectedMailbox(row.getLong("id"), row.getString("name"), row.getLong("uidvalidity"),
                row.getLong("uidnext"), row.getLong("highestmodseq"), row.getInteger("message_count"),
                row.getInteger("unseen_count"), details.getLong("first_unseen"), row.getLong("recent_from"),
                Arrays.asList(details.getArrayOfStrings("keywords")), uids == null ? "" : uids);
    }
}
