package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.FlagChange;
import io.postflow.mailbox.domain.mail.FlagMode;
import io.postflow.mailbox.domain.mail.FlagState;
import io.postflow.mailbox.domain.mail.FlagUpdate;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.persistence.MailboxLocks.LockedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * STORE in one transaction of at most three statements: lock the mailbox, change the entries of
 * the set (one statement, whatever their number), and move the mailbox's HIGHESTMODSEQ and unseen
 * count. Every changed message gets the same new MODSEQ, one above the mailbox's, taken while the
 * mailbox row is locked (RFC 7162 §3.1: MODSEQ grows with every change; one per command is
 * enough). Messages whose flags would not change keep their MODSEQ.
 */
@ApplicationScoped
public class FlagStore {

    private static final String COUNTERS = """
            UPDATE mailbox SET highestmodseq = $2, unseen_count = unseen_count + $3 WHERE id = $1
            RETURNING highestmodseq, uidnext""";

    private final Pool pool;

    public FlagStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<FlagUpdate> store(String accountKey, long mailboxId, FlagChange change) {
        return pool.withTransaction(conn -> MailboxLocks.mailbox(conn, accountKey, mailboxId)
                .chain(mailbox -> update(conn, mailbox, change)));
    }

    private Uni<FlagUpdate> update(SqlConnection conn, LockedMailbox mailbox, FlagChange change) {
        long modseq = mailbox.highestModseq() + 1;
        SqlParams params = new SqlParams();
        String sql = statement(params, mailbox.id(), modseq, change);
        return conn.preparedQuery(sql).execute(params.tuple()).chain(rows -> {
            Result result = new Result(rows, modseq);
            if (result.updated.isEmpty()) {
                return Uni.createFrom().item(result.toUpdate(mailbox.highestModseq(), mailbox.uidNext()));
            }
            return conn.preparedQuery(COUNTERS).execute(Tuple.of(mailbox.id(), modseq, result.unseenDelta))
                    .map(counters -> {
                        Row row = counters.iterator().next();
                        return result.toUpdate(row.getLong("highestmodseq"), row.getLong("uidnext"));
                    });
        });
    }

    /**
     * The entries of the set with their old and new flags; those that change are updated in the
     * same statement. Whether a message changes: its flags or its keyword set differ, and it
     * passes UNCHANGEDSINCE (its MODSEQ is not above the given one, RFC 7162 §3.1.3).
     */
    private static String statement(SqlParams params, long mailboxId, long modseq, FlagChange change) {
        String mailbox = params.add(mailboxId);
        String flags = params.add(change.flags());
        String keywords = params.add(change.keywords().toArray(String[]::new));
        String unchangedSince = params.add(change.unchangedSince());
        String newModseq = params.add(modseq);
        return "WITH target AS MATERIALIZED (SELECT e.uid, e.flags, e.keywords, e.modseq, ("
                + flagsExpression(change.mode(), flags) + ")::smallint AS new_flags, "
                + keywordsExpression(change.mode(), keywords) + " AS new_keywords"
                + " FROM mailbox_message e WHERE e.mailbox_id = " + mailbox
                + " AND " + UidSetSql.bounded(params, change.uids(), "e.uid", mailbox) + "),"
                + " changed AS (UPDATE mailbox_message e SET flags = t.new_flags, keywords = t.new_keywords, modseq = "
                + newModseq + " FROM target t WHERE e.mailbox_id = " + mailbox + " AND e.uid = t.uid"
                + " AND (" + unchangedSince + "::int8 IS NULL OR t.modseq <= " + unchangedSince + "::int8)"
                + " AND (t.new_flags <> t.flags OR NOT (t.new_keywords @> t.keywords AND t.keywords @> t.new_keywords))"
                + " RETURNING e.uid)"
                + " SELECT t.uid, t.flags, t.new_flags, t.keywords, t.new_keywords, t.modseq, c.uid IS NOT NULL AS updated,"
                + " (" + unchangedSince + "::int8 IS NOT NULL AND t.modseq > " + unchangedSince + "::int8) AS modified"
                + " FROM target t LEFT JOIN changed c ON c.uid = t.uid ORDER BY t.uid";
    }

    private static String flagsExpression(FlagMode mode, String bits) {
        return switch (mode) {
            case REPLACE -> bits + "::int";
            case ADD -> "e.flags | " + bits + "::int";
            case REMOVE -> "e.flags & ~" + bits + "::int";
        };
    }

    /** Keyword lists keep their order: added ones go to the end, removed ones leave no gap. */
    private static String keywordsExpression(FlagMode mode, String keywords) {
        return switch (mode) {
            case REPLACE -> keywords + "::text[]";
            case ADD -> "e.keywords || ARRAY(SELECT k FROM unnest(" + keywords + "::text[]) WITH ORDINALITY AS n(k, i)"
                    + " WHERE k <> ALL(e.keywords) ORDER BY i)";
            case REMOVE -> "ARRAY(SELECT k FROM unnest(e.keywords) WITH ORDINALITY AS o(k, i)"
                    + " WHERE k <> ALL(" + keywords + "::text[]) ORDER BY i)";
        };
    }

    /** The rows of the statement sorted into the three outcomes. */
    private static final class Result {
        private final List<FlagState> updated = new ArrayList<>();
        private final List<FlagState> unchanged = new ArrayList<>();
        private final List<Long> modified = new ArrayList<>();
        private int unseenDelta;

        Result(RowSet<Row> rows, long modseq) {
            for (Row row : rows) {
                long uid = row.getLong("uid");
                int before = row.getInteger("flags");
                if (row.getBoolean("updated")) {
                    int after = row.getInteger("new_flags");
                    updated.add(new FlagState(uid, after, List.of(row.getArrayOfStrings("new_keywords")), modseq));
                    unseenDelta += seen(before) - seen(after);
                } else if (row.getBoolean("modified")) {
                    modified.add(uid);
                } else {
                    unchanged.add(new FlagState(uid, before, List.of(row.getArrayOfStrings("keywords")), row.getLong("modseq")));
                }
            }
        }

        FlagUpdate toUpdate(long highestModseq, long uidNext) {
            return new FlagUpdate(highestModseq, uidNext, updated, unchanged, modified);
        }

        private static int seen(int flags) {
            return (flags & SystemFlags.SEEN) != 0 ? 1 : 0;
        }
    }
}
