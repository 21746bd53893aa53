package io.postflow.mailbox.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Map;

/**
 * Reference counts of single-instance bodies changed by COPY (more entries share a body) and
 * EXPUNGE (fewer do), in one statement each whatever the number of bodies. Rows are locked in hash
 * order, the order delivery's upsert locks them in, so concurrent writers cannot deadlock on
 * bodies. A body whose count reaches zero is only stamped {@code unreferenced_since}: the sweeper
 * deletes it after the grace period, since a session elsewhere may still be reading it
 * (RFC 2180 §4.1).
 */
final class BodyReferenceCounts {

    private static final String CHANGE = """
            WITH d AS (SELECT * FROM unnest($1::int8[], $2::int4[]) AS d(id, n)),
                 locked AS MATERIALIZED (SELECT b.id FROM message_body b JOIN d ON d.id = b.id
                                          ORDER BY b.sha256 FOR UPDATE OF b)
            UPDATE message_body b SET ref_count = b.ref_count + d.n,
                   unreferenced_since = CASE WHEN b.ref_count + d.n <= 0 THEN now() END
              FROM d JOIN locked l ON l.id = d.id
             WHERE b.id = d.id""";

    private BodyReferenceCounts() {
    }

    /** Adds {@code counts} (body id → number of new entries) to the bodies' reference counts. */
    static Uni<Void> add(SqlConnection conn, Map<Long, Integer> counts) {
        return change(conn, counts, 1);
    }

    /** Removes {@code counts} (body id → number of entries gone) from the bodies' reference counts. */
    static Uni<Void> release(SqlConnection conn, Map<Long, Integer> counts) {
        return change(conn, counts, -1);
    }

    private static Uni<Void> change(SqlConnection conn, Map<Long, Integer> counts, int sign) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = counts.keySet().toArray(Long[]::new);
        Integer[] deltas = counts.values().stream().map(n -> sign * n).toArray(Integer[]::new);
        return conn.preparedQuery(CHANGE).execute(Tuple.of(ids, deltas)).replaceWithVoid();
    }
}
