package io.postflow.mailbox.persistence;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's subscription list (RFC 3501 §6.3.6, §6.3.7, §6.3.9): names, kept apart from the
 * mailboxes, so a name stays subscribed when its mailbox is deleted. Each call is one statement;
 * names arrive canonical.
 */
@ApplicationScoped
public class SubscriptionStore {

    // LEFT JOIN: an account without subscriptions is one row with a null name, no account is no row.
    private static final String LIST = """
            SELECT s.name FROM account a LEFT JOIN subscription s ON s.account_id = a.id
             WHERE a.address = $1
             ORDER BY s.name COLLATE "C\"""";
    /*
     * Only an existing mailbox can be subscribed (RFC 3501 §6.3.6 lets the server refuse other
     * names); subscribing twice is no error. The mailbox comes back for its MAILBOXES event.
     */
    private static final String SUBSCRIBE = """
            WITH mb AS (
                SELECT m.id, m.account_id, m.name, m.uidnext, m.highestmodseq
                  FROM mailbox m JOIN account a ON a.id = m.account_id
                 WHERE a.address = $1 AND m.name = $2),
            added AS (
                INSERT INTO subscription (account_id, name) SELECT account_id, name FROM mb ON CONFLICT DO NOTHING)
            SELECT id, uidnext, highestmodseq FROM mb""";
    /*
     * Any subscribed name can be removed, with or without a mailbox (a deleted mailbox's name
     * stays subscribed until the client says otherwise). A name that is neither subscribed nor a
     * mailbox is refused, as before the subscriptions had their own table.
     */
    private static final String UNSUBSCRIBE = """
            WITH acc AS (SELECT id FROM account WHERE address = $1),
            removed AS (
                DELETE FROM subscription s USING acc WHERE s.account_id = acc.id AND s.name = $2 RETURNING s.name)
            SELECT (SELECT count(*) FROM removed) AS removed, m.id, m.uidnext, m.highestmodseq
              FROM acc LEFT JOIN mailbox m ON m.account_id = acc.id AND m.name = $2""";

    private final Pool pool;

    public SubscriptionStore(Pool pool) {
        this.pool = pool;
    }

    /** The subscribed names, in code point order; NONEXISTENT for an unknown account. */
    public Uni<List<String>> list(String accountKey) {
        return pool.preparedQuery(LIST).execute(Tuple.of(accountKey)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such account");
            }
            List<String> names = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.getString("name") != null) {
                    names.add(row.getString("name"));
                }
            }
            return names;
        });
    }

    /** SUBSCRIBE; answers the events to publish after the commit. */
    public Uni<List<MailboxEvent>> subscribe(String accountKey, String name) {
        return pool.preparedQuery(SUBSCRIBE).execute(Tuple.of(accountKey, name)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            return MailboxLevels.listEvents(accountKey, rows);
        });
    }

    /** UNSUBSCRIBE; answers the events to publish after the commit. */
    public Uni<List<MailboxEvent>> unsubscribe(String accountKey, String name) {
        return pool.preparedQuery(UNSUBSCRIBE).execute(Tuple.of(accountKey, name)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such account");
            }
            Row row = rows.iterator().next();
            if (row.getLong("removed") == 0 && row.getLong("id") == null) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox or subscription");
            }
            return row.getLong("id") == null ? List.of()
                    : List.of(MailboxLevels.listEvent(accountKey, row.getLong("id"), row.getLong("highestmodseq"),
                            row.getLong("uidnext")));
        });
    }
}
