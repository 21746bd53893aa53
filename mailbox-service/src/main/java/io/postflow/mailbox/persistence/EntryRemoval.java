package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.Expunged;
import io.postflow.mailbox.domain.mail.MailboxState;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.persistence.MailboxLocks.LockedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes entries from a locked mailbox in one statement: deletes them, gives the mailbox one new
 * MODSEQ, records each removed UID in {@code mailbox_expunged} with that MODSEQ (RFC 7162 §3.2.5:
 * clients resynchronise with "what was expunged since MODSEQ n") and keeps the counters exact.
 * Used by EXPUNGE and by MOVE, whose removal from the source must be in the transaction that adds
 * the copies (RFC 6851 §3.1).
 */
final class EntryRemoval {

    /** The entries removed, with what the caller still has to release (bodies, quota). */
    record Removal(Expunged expunged, Map<Long, Integer> bodies, long bytes) {
    }

    private EntryRemoval() {
    }

    /** Removes the entries matching {@code condition} (SQL over alias {@code e}, with its params). */
    static Uni<Removal> remove(SqlConnection conn, LockedMailbox mailbox, SqlParams params, String mailboxParam,
                               String condition) {
        String sql = "WITH gone AS (DELETE FROM mailbox_message e WHERE e.mailbox_id = " + mailboxParam
                + " AND " + condition + " RETURNING e.uid, e.body_id, e.size, e.flags),"
                + " mb AS (UPDATE mailbox m SET highestmodseq = m.highestmodseq + 1,"
                + " message_count = m.message_count - (SELECT count(*) FROM gone),"
                + " unseen_count = m.unseen_count - (SELECT count(*) FROM gone WHERE gone.flags & " + SystemFlags.SEEN + " = 0),"
                + " size_bytes = m.size_bytes - (SELECT coalesce(sum(gone.size), 0) FROM gone)"
                + " WHERE m.id = " + mailboxParam + " AND EXISTS (SELECT 1 FROM gone) RETURNING m.highestmodseq, m.uidnext),"
                + " recorded AS (INSERT INTO mailbox_expunged (mailbox_id, uid, modseq)"
                + " SELECT " + mailboxParam + ", gone.uid, mb.highestmodseq FROM gone CROSS JOIN mb)"
                + " SELECT gone.uid, gone.body_id, gone.size, mb.highestmodseq, mb.uidnext FROM gone CROSS JOIN mb"
                + " ORDER BY gone.uid";
        return conn.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Long> uids = new ArrayList<>();
            Map<Long, Integer> bodies = new TreeMap<>();
            long bytes = 0;
            MailboxState state = new MailboxState(mailbox.highestModseq(), mailbox.uidNext());
            for (Row row : rows) {
                uids.add(row.getLong("uid"));
                bodies.merge(row.getLong("body_id"), 1, Integer::sum);
                bytes += row.getInteger("size");
                state = new MailboxState(row.getLong("highestmodseq"), row.getLong("uidnext"));
            }
            return new Removal(new Expunged(uids, state), bodies, bytes);
        });
    }
}
