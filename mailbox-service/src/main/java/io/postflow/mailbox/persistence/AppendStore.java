package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.delivery.PreparedMessage;
import io.postflow.mailbox.domain.mail.Appended;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxState;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.persistence.MailboxLocks.LockedAccount;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * APPEND in one transaction, in delivery's lock order (account, body, mailbox): the account row
 * for the quota, the single-instance body upsert (the same content appended or delivered elsewhere
 * is stored once), the UID allocated by {@code UPDATE mailbox ... RETURNING} in the transaction that
 * inserts the entry, so no reader sees the new UIDNEXT before the message. An appended message has
 * no trace prefix: it did not arrive by SMTP.
 */
@ApplicationScoped
public class AppendStore {

    private static final String ALLOCATE_UID = """
            UPDATE mailbox SET uidnext = uidnext + 1, highestmodseq = highestmodseq + 1, message_count = message_count + 1,
                   unseen_count = unseen_count + $2, size_bytes = size_bytes + $3
             WHERE id = $1
            RETURNING uidnext - 1 AS uid, highestmodseq, uidnext, uidvalidity""";
    private static final String INSERT_ENTRY = """
            INSERT INTO mailbox_message (mailbox_id, uid, body_id, prefix, size, flags, keywords, modseq, internal_date,
                                         internal_zone)
            VALUES ($1, $2, $3, ''::bytea, $4, $5, $6, $7, $8, $9)""";
    private static final String CHARGE_QUOTA = "UPDATE account SET used_bytes = used_bytes + $2 WHERE id = $1";

    private final Pool pool;

    public AppendStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param internalDate the date, in the zone to answer INTERNALDATE in
     * @param keepZone     whether that zone is the client's (kept with the entry) or the server's
     */
    public Uni<Appended> append(String accountKey, MailboxKey mailbox, PreparedMessage message, int flags,
                                List<String> keywords, OffsetDateTime internalDate, boolean keepZone) {
        int size = message.content().length;
        Integer zone = keepZone ? internalDate.getOffset().getTotalSeconds() : null;
        return pool.withTransaction(conn -> MailboxLocks.account(conn, accountKey, mailbox)
                .invoke(account -> checkQuota(account, size))
                .chain(account -> conn.preparedQuery(DeliveryStore.UPSERT_BODY).execute(DeliveryStore.bodyTuple(message, 1))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .chain(bodyId -> allocateAndInsert(conn, account.mailboxId(), bodyId, size, flags, keywords,
                                internalDate, zone))
                        .call(() -> conn.preparedQuery(CHARGE_QUOTA).execute(Tuple.of(account.id(), (long) size)))));
    }

    private static void checkQuota(LockedAccount account, int size) {
        if (account.exceedsQuota(size)) {
            throw new MailRejection(MailRejection.Code.OVERQUOTA, "the message would exceed the account's quota");
        }
    }

    private static Uni<Appended> allocateAndInsert(SqlConnection conn, long mailboxId, long bodyId, int size, int flags,
                                                   List<String> keywords, OffsetDateTime internalDate, Integer zone) {
        int unseen = (flags & SystemFlags.SEEN) == 0 ? 1 : 0;
        return conn.preparedQuery(ALLOCATE_UID).execute(Tuple.of(mailboxId, unseen, (long) size)).chain(rows -> {
            Row row = rows.iterator().next();
            long uid = row.getLong("uid");
            long modseq = row.getLong("highestmodseq");
            Appended appended = new Appended(mailboxId, row.getLong("uidvalidity"), uid,
                    new MailboxState(modseq, row.getLong("uidnext")));
            Tuple entry = Tuple.from(java.util.Arrays.asList(mailboxId, uid, bodyId, size, (short) flags,
                    keywords.toArray(String[]::new), modseq, internalDate, zone));
            return conn.preparedQuery(INSERT_ENTRY).execute(entry).replaceWith(appended);
        });
    }
}
