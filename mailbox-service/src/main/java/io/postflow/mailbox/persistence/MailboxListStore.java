package io.postflow.mailbox.persistence;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.mail.ListChange;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MailboxNames;
import io.postflow.mailbox.domain.mail.MailboxStatus;
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
 * Changes to an account's mailbox list, each in one transaction: create, delete, rename. Names arrive canonical ({@link MailboxNames#canonical}); the events of a change are
 * returned for the caller to publish after the commit.
 */
@ApplicationScoped
public class MailboxListStore {

    private static final String UNCHARGE = "UPDATE account SET used_bytes = greatest(used_bytes - $2, 0) WHERE id = $1";
    private static final String DELETE = "DELETE FROM mailbox WHERE id = $1";
    /*
     * A rename moves a whole hierarchy (RFC 3501 §6.3.5: inferior names are renamed too) in two
     * steps, because PostgreSQL checks a unique constraint row by row: renaming "a/b" to "a" turns
     * "a/b/b" into "a/b", a name the same statement frees only later. Step one gives every renamed
     * row its new name behind a control character, which no valid name contains; step two strips
     * it, so only a clash with a mailbox outside the hierarchy can violate the constraint.
     */
    private static final String RENAME_MARKED = """
            UPDATE mailbox SET name = chr(1) || $3 || substr(name, length($2) + 1)
             WHERE account_id = $1 AND (name = $2 OR left(name, length($2) + 1) = $2 || '/')""";
    private static final String RENAME_UNMARK = """
            UPDATE mailbox SET name = substr(name, 2)
             WHERE account_id = $1 AND left(name, 1) = chr(1)
            RETURNING id, uidnext, highestmodseq""";
    /*
     * RENAME takes the subscriptions of the renamed names along (README "Subscriptions"): the
     * old names go, the new ones come, unless the new name was subscribed already. Two statements,
     * so the insert sees the delete (renaming "a/b" to "a" turns "a/b/b" into the freed "a/b").
     */
    private static final String UNSUBSCRIBE_RENAMED = """
            DELETE FROM subscription
             WHERE account_id = $1 AND (name = $2 OR left(name, length($2) + 1) = $2 || '/')
            RETURNING name""";
    private static final String SUBSCRIBE_RENAMED = """
            INSERT INTO subscription (account_id, name)
            SELECT $1, $3 || substr(old, length($2) + 1) FROM unnest($4::text[]) AS o(old)
            ON CONFLICT DO NOTHING""";

    private final Pool pool;
    private final MessageBodyReferences bodies;

    public MailboxListStore(Pool pool, MessageBodyReferences bodies) {
        this.pool = pool;
        this.bodies = bodies;
    }

    /**
     * Creates the mailbox and the levels above it that are missing (RFC 3501 §6.3.3: the server
     * SHOULD create them). ALREADYEXISTS if the name exists; nothing is created then. The new
     * mailbox gets {@code specialUse} (null for none), its parents none.
     */
    public Uni<ListChange> create(String accountKey, String name, String specialUse) {
        List<String> levels = new ArrayList<>(MailboxNames.parents(name));
        levels.add(name);
        return pool.withTransaction(conn -> LockedMailbox.lockAccount(conn, accountKey)
                .chain(accountId -> MailboxLevels.createMissing(conn, accountId, levels, name, specialUse))
                .map(created -> {
                    MailboxStatus mailbox = null;
                    for (Row row : created) {
                        if (name.equals(row.getString("name"))) {
                            mailbox = MailboxQueries.status(row);
                        }
                    }
                    if (mailbox == null) { // rolls back the parents this statement created
                        throw exists(name);
                    }
                    return new ListChange(mailbox, MailboxLevels.listEvents(accountKey, created));
                }));
    }

    /**
     * Deletes a mailbox other than INBOX with its messages. Its inferiors stay (RFC 3501 §6.3.4);
     * clients then see the name as \Noselect. The message bodies lose this mailbox's references
     * and the account's usage drops by the mailbox's size; no expunge records are written, since
     * they would belong to a mailbox that no longer exists. Its subscription stays (RFC 3501
     * §6.3.6: the server MUST NOT remove a name from the subscription list unilaterally).
     */
    public Uni<List<MailboxEvent>> delete(String accountKey, MailboxKey mailboxKey) {
        return pool.withTransaction(conn -> LockedMailbox.lock(conn, accountKey, mailboxKey)
                .invoke(mailbox -> {
                    if (MailboxNames.INBOX.equals(mailbox.name())) {
                        throw new MailRejection(MailRejection.Code.CANNOT, "INBOX cannot be deleted"); // RFC 3501 §6.3.4
                    }
                })
                .call(mailbox -> bodies.releaseAllOfMailbox(conn, mailbox.id()))
                .call(mailbox -> conn.preparedQuery(UNCHARGE).execute(Tuple.of(mailbox.accountId(), mailbox.sizeBytes())))
                .call(mailbox -> conn.preparedQuery(DELETE).execute(Tuple.of(mailbox.id())))
                .map(mailbox -> List.of(MailboxLevels.listEvent(accountKey, mailbox.id(), mailbox.highestModseq(),
                        mailbox.uidNext()))));
    }

    /**
     * Renames a mailbox with its inferiors, which keep their ids and UIDVALIDITY; the levels above
     * the new name are created if missing. INBOX is special: see {@link InboxRename}.
     */
    public Uni<ListChange> rename(String accountKey, MailboxKey mailboxKey, String newName) {
        return pool.withTransaction(conn -> LockedMailbox.lock(conn, accountKey, mailboxKey)
                        .chain(mailbox -> MailboxNames.INBOX.equals(mailbox.name())
                                ? InboxRename.run(conn, accountKey, mailbox, newName)
                                : renameHierarchy(conn, accountKey, mailbox, newName)))
                .onFailure(SqlStates::isUniqueViolation).transform(clash -> exists(newName));
    }

    private static Uni<ListChange> renameHierarchy(SqlConnection conn, String accountKey, LockedMailbox mailbox,
                                                   String newName) {
        String oldName = mailbox.name();
        if (newName.equals(oldName)) {
            throw exists(newName);
        }
        if (newName.startsWith(oldName + MailboxNames.DELIMITER)) {
            throw new MailRejection(MailRejection.Code.CANNOT, "a mailbox cannot be moved into itself");
        }
        List<MailboxEvent> events = new ArrayList<>();
        return conn.preparedQuery(RENAME_MARKED).execute(Tuple.of(mailbox.accountId(), oldName, newName))
                .chain(() -> conn.preparedQuery(RENAME_UNMARK).execute(Tuple.of(mailbox.accountId())))
                .invoke(renamed -> events.addAll(MailboxLevels.listEvents(accountKey, renamed)))
                .chain(() -> conn.preparedQuery(UNSUBSCRIBE_RENAMED).execute(Tuple.of(mailbox.accountId(), oldName)))
                .chain(unsubscribed -> conn.preparedQuery(SUBSCRIBE_RENAMED).execute(Tuple.of(mailbox.accountId(), oldName,
                        newName, names(unsubscribed))))
                // RFC 3501 §6.3.5: the server SHOULD create the superior names the new name needs.
                .chain(() -> MailboxLevels.createMissing(conn, mailbox.accountId(), MailboxNames.parents(newName)))
                .invoke(created -> events.addAll(MailboxLevels.listEvents(accountKey, created)))
                .chain(() -> MailboxQueries.byId(conn, accountKey, mailbox.id()))
                .map(renamed -> new ListChange(renamed, events));
    }

    private static String[] names(RowSet<Row> rows) {
        List<String> names = new ArrayList<>(rows.size());
        rows.forEach(row -> names.add(row.getString("name")));
        return names.toArray(String[]::new);
    }

    static MailRejection exists(String name) {
        return new MailRejection(MailRejection.Code.ALREADYEXISTS, "mailbox " + name + " exists");
    }
}
