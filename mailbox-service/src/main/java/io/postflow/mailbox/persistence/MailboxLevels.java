package io.postflow.mailbox.persistence;

import io.postflow.common.event.MailboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Creates the levels of a hierarchical name that do not exist yet, in one statement. */
final class MailboxLevels {

    /*
     * CREATE does not subscribe (RFC 3501 §6.3.3), clients send SUBSCRIBE themselves; a name
     * subscribed before (its mailbox deleted since) is subscribed again. Each gets a fresh UIDVALIDITY from the one sequence (RFC 3501
     * §2.3.1.1), so a name used before never looks like the old mailbox. A name that exists is
     * left alone (ON CONFLICT), so only the levels created come back.
     */
    private static final String INSERT = """
            INSERT INTO mailbox (account_id, name, special_use, uidvalidity)
            SELECT $1, level, CASE WHEN level = $3::text THEN $4::varchar END, nextval('mailbox_uidvalidity')
              FROM unnest($2::text[]) WITH ORDINALITY AS l(level, depth)
             ORDER BY depth
            ON CONFLICT (account_id, name) DO NOTHING
            RETURNING id, name, special_use,
                      EXISTS (SELECT 1 FROM subscription s WHERE s.account_id = $1 AND s.name = mailbox.name) AS subscribed,
                      uidvalidity, uidnext, highestmodseq, message_count,
                      unseen_count, 0::bigint AS recent""";

    private MailboxLevels() {
    }

    /** Creates the names that are missing, outermost first; answers the rows created. */
    static Uni<RowSet<Row>> createMissing(SqlConnection conn, long accountId, List<String> names) {
        return createMissing(conn, accountId, names, null, null);
    }

    /** As {@link #createMissing(SqlConnection, long, List)}, the name {@code marked} created with {@code specialUse}. */
    static Uni<RowSet<Row>> createMissing(SqlConnection conn, long accountId, List<String> names, String marked,
                                          String specialUse) {
        return conn.preparedQuery(INSERT).execute(Tuple.of(accountId, names.toArray(String[]::new), marked, specialUse));
    }

    /** One MAILBOXES event per row: each mailbox the list change touched. */
    static List<MailboxEvent> listEvents(String accountKey, RowSet<Row> rows) {
        List<MailboxEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(listEvent(accountKey, row.getLong("id"), row.getLong("highestmodseq"), row.getLong("uidnext")));
        }
        return events;
    }

    static MailboxEvent listEvent(String accountKey, long mailboxId, long highestModseq, long uidNext) {
        return new MailboxEvent(mailboxId, accountKey, MailboxEvent.Type.MAILBOXES, highestModseq, uidNext, List.of());
    }
}
