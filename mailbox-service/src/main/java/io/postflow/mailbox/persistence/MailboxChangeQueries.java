package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "What changed since MODSEQ n" (RFC 7162 §3.1.4.1 CHANGEDSINCE, and what a session asks after a
 * mailbox event). Both lists use the (mailbox_id, modseq) indexes.
 *
 * <p>The answer is the mailbox as of the HIGHESTMODSEQ read first, without a snapshot
 * transaction: every writer moves HIGHESTMODSEQ in the same commit as the entries it stamps, so
 * once a HIGHESTMODSEQ h is visible, every change up to h is too. The lists then keep only
 * changes up to h; anything later is left for the next call "since h".
 *
 * <p>The expunge log is pruned (ExpungeLogPruner): a MODSEQ below the mailbox's pruned horizon is
 * refused with CHANGES_PRUNED, never answered with expunges missing.
 */
@ApplicationScoped
public class MailboxChangeQueries {

    private static final String MAILBOX = """
            SELECT m.highestmodseq, m.uidnext, m.message_count, NULL::int8 AS recent_from
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2""";
    /*
     * A read-write session claims the messages that arrived since the last claim as \Recent
     * (RFC 3501 §2.3.2), with the row lock SELECT's claim takes (MailboxSelections): of two
     * sessions asking at once, each new message goes to exactly one. The claimed UIDs are below
     * the UIDNEXT read here, so they are all among the changes up to its HIGHESTMODSEQ. A caller
     * below the pruned horizon is refused (EXPUNGED), so it claims nothing.
     */
    private static final String CLAIM = """
            WITH target AS (
                SELECT m.id, m.first_recent_uid, m.expunge_pruned_modseq
                  FROM mailbox m JOIN account a ON a.id = m.account_id
                 WHERE m.id = $1 AND a.address = $2
                   FOR UPDATE OF m)
            UPDATE mailbox m SET first_recent_uid = CASE WHEN t.expunge_pruned_modseq > $3
                                                         THEN m.first_recent_uid ELSE m.uidnext END
              FROM target t WHERE m.id = t.id
            RETURNING m.highestmodseq, m.uidnext, m.message_count, t.first_recent_uid AS recent_from""";
    // (modseq, uid) is the paging cursor; "modseq >= $2" is the part the index can range over.
    private static final String CHANGED = """
            SELECT uid, flags, keywords, modseq FROM mailbox_message
             WHERE mailbox_id = $1 AND modseq >= $2 AND (modseq, uid) > ($2, $3) AND modseq <= $4
             ORDER BY modseq, uid
             LIMIT $5""";
    /*
     * The pruned horizon comes with the UIDs in one statement, hence one snapshot: the pruner
     * deletes and raises the horizon in one commit, so either both are seen or neither is.
     */
    private static final String EXPUNGED = """
            SELECT m.expunge_pruned_modseq, e.uid
              FROM mailbox m LEFT JOIN mailbox_expunged e
                ON e.mailbox_id = m.id AND e.modseq > $2 AND e.modseq <= $3
             WHERE m.id = $1
             ORDER BY e.uid""";

    private final Pool pool;

    public MailboxChangeQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Entries with (modseq, uid) after (sinceModseq, afterUid), at most {@code limit}, and the UIDs
     * expunged after {@code sinceModseq}. Without a cursor, pass {@code afterUid} = 2^32 (above
     * any UID): every entry with a MODSEQ above {@code sinceModseq}. With {@code claimRecent},
     * the messages no session has claimed as \Recent yet become this caller's.
     */
    public Uni<MailboxChanges> since(String accountKey, long mailboxId, long sinceModseq, long afterUid, int limit,
                                     boolean claimRecent) {
        Uni<RowSet<Row>> read = claimRecent
                ? pool.preparedQuery(CLAIM).execute(Tuple.of(mailboxId, accountKey, sinceModseq))
                : pool.preparedQuery(MAILBOX).execute(Tuple.of(mailboxId, accountKey));
        return read.map(MailboxChangeQueries::mailbox)
                .chain(mailbox -> Uni.combine().all()
                        .unis(pool.preparedQuery(CHANGED).execute(Tuple.of(mailboxId, sinceModseq, afterUid,
                                        mailbox.getLong("highestmodseq"), limit + 1)),
                                pool.preparedQuery(EXPUNGED).execute(Tuple.of(mailboxId, sinceModseq,
                                        mailbox.getLong("highestmodseq"))))
                        .with((changed, expunged) -> changes(mailbox, changed, expunged, sinceModseq, limit)));
    }

    private static Row mailbox(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        return rows.iterator().next();
    }

    private static MailboxChanges changes(Row mailbox, RowSet<Row> changedRows, RowSet<Row> expungedRows,
                                          long sinceModseq, int limit) {
        // Every row carries the horizon; none when the mailbox went away meanwhile.
        long pruned = expungedRows.size() == 0 ? 0 : expungedRows.iterator().next().getLong("expunge_pruned_modseq");
        if (pruned > sinceModseq) {
            // Expunges up to the horizon may be gone: the list after sinceModseq would be incomplete.
            throw new MailRejection(MailRejection.Code.CHANGES_PRUNED, "expunges after MODSEQ " + sinceModseq
                    + " are no longer recorded (pruned up to " + pruned + "): resynchronise");
        }
        List<MailboxChanges.Entry> changed = new ArrayList<>(Math.min(changedRows.size(), limit));
        for (Row row : changedRows) {
            if (changed.size() == limit) {
                break; // the extra row only says there is more
            }
            changed.add(new MailboxChanges.Entry(row.getLong("uid"), row.getInteger("flags"),
                    Arrays.asList(row.getArrayOfStrings("keywords")), row.getLong("modseq")));
        }
        List<Long> expunged = new ArrayList<>(expungedRows.size());
        for (Row row : expungedRows) {
            Long uid = row.getLong("uid");
            if (uid != null) { // the one row of a mailbox without expunges in range
                expunged.add(uid);
            }
        }
        return new MailboxChanges(mailbox.getLong("highestmodseq"), mailbox.getLong("uidnext"),
                mailbox.getInteger("message_count"), changed, expunged, changedRows.size() > limit,
                mailbox.getLong("recent_from"));
    }
}
