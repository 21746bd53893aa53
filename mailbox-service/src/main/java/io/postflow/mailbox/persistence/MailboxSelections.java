package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.SelectedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Opens a mailbox for a session: SELECT claims the \Recent messages, EXAMINE only looks. Each is
 * one statement.
 */
@ApplicationScoped
public class MailboxSelections {

    /*
     * Lowest unseen UID from the partial index on unseen entries; keywords in use from the
     * mailbox's entries (RFC 3501 §7.2.6 FLAGS lists the flags defined in the mailbox).
     */
    private static final String DETAILS = """
            (SELECT min(e.uid) FROM mailbox_message e WHERE e.mailbox_id = s.id AND e.flags & 1 = 0) AS first_unseen,
            ARRAY(SELECT DISTINCT k COLLATE "C" FROM mailbox_message e, unnest(e.keywords) AS k
                   WHERE e.mailbox_id = s.id ORDER BY 1) AS keywords""";
    /*
     * RFC 3501 §2.3.2: a message is \Recent in exactly one session. The mailbox row is locked
     * first (the "target" CTE); a second SELECT waits there and then reads the row as the first
     * left it, so the UIDs from first_recent_uid up to UIDNEXT - 1 go to exactly one of them. An
     * UPDATE ... FROM mailbox could not promise that: its joined copy of the row would be the one
     * the statement's snapshot saw, not the one the other session committed.
     */
    private static final String CLAIM = """
            WITH target AS (
                SELECT m.id, m.first_recent_uid
                  FROM mailbox m JOIN account a ON a.id = m.account_id
                 WHERE m.id = $1 AND a.address = $2
                   FOR UPDATE OF m),
            s AS (
                UPDATE mailbox m SET first_recent_uid = m.uidnext
                  FROM target t WHERE m.id = t.id
                RETURNING m.id, m.name, m.uidvalidity, m.uidnext, m.highestmodseq, m.message_count, m.unseen_count,
                          t.first_recent_uid AS recent_from)
            SELECT s.*, %s FROM s""".formatted(DETAILS);
    private static final String EXAMINE = """
            SELECT s.*, %s
              FROM (SELECT m.id, m.name, m.uidvalidity, m.uidnext, m.highestmodseq, m.message_count, m.unseen_count,
                           m.first_recent_uid AS recent_from
                      FROM mailbox m JOIN account a ON a.id = m.account_id
                     WHERE m.id = $1 AND a.address = $2) s""".formatted(DETAILS);

    private final Pool pool;

    public MailboxSelections(Pool pool) {
        this.pool = pool;
    }

    /**
     * Opens the mailbox. Read-write, the session claims every message not claimed before (and
     * answers them as {@code recentFrom} up to UIDNEXT - 1); read-only, the range is what no
     * session has claimed yet, and stays unclaimed (RFC 3501 §6.3.2: EXAMINE changes nothing).
     *
     * <p>When a claim waited for another session's, the first-unseen UID and the keywords come
     * from the statement's snapshot, which may predate messages counted in the row: both are
     * hints (the [UNSEEN] response code and the FLAGS list) that the session's later fetches
     * correct.
     */
    public Uni<SelectedMailbox> open(String accountKey, long mailboxId, boolean readOnly) {
        return pool.preparedQuery(readOnly ? EXAMINE : CLAIM).execute(Tuple.of(mailboxId, accountKey))
                .map(MailboxSelections::selected);
    }

    private static SelectedMailbox selected(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        Row row = rows.iterator().next();
        return new SelectedMailbox(row.getLong("id"), row.getString("name"), row.getLong("uidvalidity"),
                row.getLong("uidnext"), row.getLong("highestmodseq"), row.getInteger("message_count"),
                row.getInteger("unseen_count"), row.getLong("first_unseen"), row.getLong("recent_from"),
                Arrays.asList(row.getArrayOfStrings("keywords")));
    }
}
