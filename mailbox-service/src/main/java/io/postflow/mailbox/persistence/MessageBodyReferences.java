package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reference counts of the single-instance message bodies. Bodies are never deleted here: one
 * whose count reaches zero is stamped {@code unreferenced_since} and the sweeper removes it after
 * its grace period, because a session elsewhere may still be reading it (RFC 2180 §4.1).
 */
@ApplicationScoped
public class MessageBodyReferences {

    /*
     * The account row is locked first, as every writer that touches bodies does (delivery, APPEND,
     * COPY): writers of one account then queue on it instead of deadlocking on bodies. Its
     * mailboxes are locked next, in id order, like the delivery path locks them to
     * allocate a UID: a delivery into this account then either committed before (its entry is
     * counted here) or waits and finds no mailbox.
     */
    private static final String LOCK_ACCOUNT = "SELECT id FROM account WHERE id = ?1 FOR UPDATE";
    private static final String LOCK_MAILBOXES =
            "SELECT id FROM mailbox WHERE account_id = ?1 ORDER BY id FOR UPDATE";
    private static final String RELEASE_ACCOUNT = release("""
            SELECT e.body_id, count(*) AS n
              FROM mailbox_message e JOIN mailbox m ON m.id = e.mailbox_id
             WHERE m.account_id = ?1
             GROUP BY e.body_id""");
    private static final String RELEASE_MAILBOX = release("""
            SELECT body_id, count(*) AS n FROM mailbox_message WHERE mailbox_id = $1 GROUP BY body_id""");

    /**
     * Drops the references an account's entries hold, in the caller's transaction, before the
     * account is deleted (its mailboxes and entries go with it by ON DELETE CASCADE).
     *
     * @return the number of bodies whose count changed
     */
    public Uni<Integer> releaseAllOfAccount(long accountId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_ACCOUNT, Long.class)
                .setParameter(1, accountId)
                .getResultList()
                .chain(account -> session.createNativeQuery(LOCK_MAILBOXES, Long.class).setParameter(1, accountId).getResultList())
                .chain(locked -> session.createNativeQuery(RELEASE_ACCOUNT).setParameter(1, accountId).executeUpdate()));
    }

    /**
     * Drops the references a mailbox's entries hold, in the caller's transaction on {@code conn},
     * before the mailbox is deleted. The caller holds the mailbox row lock, so no entry is added
     * to it meanwhile.
     *
     * @return the number of bodies whose count changed
     */
    public Uni<Integer> releaseAllOfMailbox(SqlConnection conn, long mailboxId) {
        return conn.preparedQuery(RELEASE_MAILBOX).execute(Tuple.of(mailboxId)).map(rows -> rows.rowCount());
    }

    /*
     * Bodies are locked by SHA-256, the order in which the delivery path locks them when it adds
     * references (DeliveryStore upserts them sorted by hash): two transactions touching the same
     * bodies then wait for each other instead of deadlocking.
     */
    private static String release(String removedEntries) {
        return """
                WITH removed AS (%s),
                locked AS (
                    SELECT b.id FROM message_body b JOIN removed r ON r.body_id = b.id
                    ORDER BY b.sha256 FOR UPDATE OF b)
                UPDATE message_body b
                SET ref_count = b.ref_count - r.n,
                    unreferenced_since = CASE WHEN b.ref_count - r.n <= 0 THEN now() ELSE b.unreferenced_since END
                FROM removed r, locked l
                WHERE b.id = r.body_id AND l.id = b.id
                """.formatted(removedEntries);
    }
}
