package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.Expunged;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.Maildrop;
import io.postflow.mailbox.persistence.EntryRemoval.Removal;
import io.postflow.mailbox.persistence.MailboxLocks.LockedAccount;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The POP3 maildrop lock ({@code pop3_lease}) and the maildrop's two writes: taking the lock
 * together with the listing, and the UPDATE state's deletions (RFC 1939 §6) together with the
 * release. A lease past its expiry is free to take, so a crashed holder never locks an account for
 * longer than one time-to-live.
 */
@ApplicationScoped
public class MaildropStore {

    /*
     * Takes the row when there is none or when it expired; a live lease of another session leaves
     * it alone and the statement answers no row. Two sessions racing meet on the primary key: the
     * second waits for the first's commit and then sees a live lease.
     */
    private static final String TAKE = """
            INSERT INTO pop3_lease AS l (account_id, token, holder, expires_at)
            SELECT a.id, $2, $3, now() + $4::bigint * interval '1 millisecond' FROM account a WHERE a.address = $1
            ON CONFLICT (account_id) DO UPDATE
               SET token = excluded.token, holder = excluded.holder, acquired_at = now(), expires_at = excluded.expires_at
             WHERE l.expires_at <= now()
            RETURNING l.account_id""";
    private static final String ACCOUNT = "SELECT id FROM account WHERE address = $1";
    private static final String INBOX = "SELECT id, uidvalidity FROM mailbox WHERE account_id = $1 AND name = 'INBOX'";
    private static final String LISTING = "SELECT uid, size FROM mailbox_message WHERE mailbox_id = $1 ORDER BY uid";
    private static final String RENEW = """
            UPDATE pop3_lease l SET expires_at = now() + $3::bigint * interval '1 millisecond'
              FROM account a WHERE a.id = l.account_id AND a.address = $1 AND l.token = $2""";
    private static final String RELEASE = """
            DELETE FROM pop3_lease l USING account a WHERE a.id = l.account_id AND a.address = $1 AND l.token = $2""";
    private static final String HELD = """
            SELECT l.account_id FROM pop3_lease l JOIN account a ON a.id = l.account_id
             WHERE a.address = $1 AND l.token = $2 FOR UPDATE OF l""";
    private static final String RELEASE_QUOTA = "UPDATE account SET used_bytes = greatest(used_bytes - $2, 0) WHERE id = $1";

    private final Pool pool;

    public MaildropStore(Pool pool) {
        this.pool = pool;
    }

    /** Locks the maildrop and lists it, in one transaction; IN_USE while another session holds it. */
    public Uni<Maildrop> take(String accountKey, String holder, Duration ttl) {
        UUID token = UUID.randomUUID();
        return pool.withTransaction(conn -> conn.preparedQuery(TAKE)
                .execute(Tuple.of(accountKey, token, holder, ttl.toMillis()))
                .chain(taken -> taken.size() == 1 ? Uni.createFrom().item(taken.iterator().next().getLong("account_id"))
                        : refusal(conn, accountKey))
                .chain(accountId -> conn.preparedQuery(INBOX).execute(Tuple.of(accountId)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new MailRejection(MailRejection.Code.NONEXISTENT, "the account has no INBOX"));
                    }
                    Row inbox = rows.iterator().next();
                    return conn.preparedQuery(LISTING).execute(Tuple.of(inbox.getLong("id"))).map(listing -> {
                        List<Maildrop.Entry> entries = new ArrayList<>(listing.size());
                        for (Row row : listing) {
                            entries.add(new Maildrop.Entry(row.getLong("uid"), row.getInteger("size")));
                        }
                        return new Maildrop(token, inbox.getLong("id"), inbox.getLong("uidvalidity"), entries);
                    });
                }));
    }

    /** Why no lease was taken: no such account, or a live lease of another session. */
    private static Uni<Long> refusal(SqlConnection conn, String accountKey) {
        return conn.preparedQuery(ACCOUNT).execute(Tuple.of(accountKey)).map(rows -> {
            throw rows.size() == 0 ? new MailRejection(MailRejection.Code.NONEXISTENT, "no such account")
                    : new MailRejection(MailRejection.Code.IN_USE, "the maildrop is locked by another POP3 session");
        });
    }

    /** Moves the expiry on; CANNOT when the lease is gone (released, or expired and taken by another). */
    public Uni<Void> renew(String accountKey, UUID token, Duration ttl) {
        return pool.preparedQuery(RENEW).execute(Tuple.of(accountKey, token, ttl.toMillis())).map(rows -> {
            if (rows.rowCount() == 0) {
                throw lost();
            }
            return null;
        });
    }

    /** Gives the lease up; nothing happens if it is gone already. */
    public Uni<Void> release(String accountKey, UUID token) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(accountKey, token)).replaceWithVoid();
    }

    /**
     * The UPDATE state (RFC 1939 §6): removes exactly the given UIDs of the maildrop, whatever their
     * flags, and releases the lease, all in one transaction, so either every marked message goes and
     * the lock with them, or nothing changes. Refused with CANNOT when the lease was lost.
     */
    public Uni<Expunged> removeAndRelease(String accountKey, UUID token, long mailboxId, List<Long> uids) {
        return pool.withTransaction(conn -> conn.preparedQuery(HELD).execute(Tuple.of(accountKey, token))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw lost();
                    }
                })
                .chain(held -> MailboxLocks.account(conn, accountKey, mailboxId))
                .chain(account -> MailboxLocks.mailboxes(conn, account.id(), mailboxId)
                        .map(locked -> {
                            if (!locked.containsKey(mailboxId)) {
                                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
                            }
                            return locked.get(mailboxId);
                        })
                        .chain(mailbox -> {
                            SqlParams params = new SqlParams();
                            String id = params.add(mailbox.id());
                            String set = params.add(uids.toArray(new Long[0]));
                            return EntryRemoval.remove(conn, mailbox, params, id, "e.uid = ANY(" + set + ")");
                        })
                        .call(removal -> BodyReferenceCounts.release(conn, removal.bodies()))
                        .call(removal -> releaseQuota(conn, account, removal.bytes()))
                        .call(removal -> conn.preparedQuery(RELEASE).execute(Tuple.of(accountKey, token)))
                        .map(Removal::expunged)));
    }

    private static Uni<Void> releaseQuota(SqlConnection conn, LockedAccount account, long bytes) {
        return bytes == 0 ? Uni.createFrom().voidItem()
                : conn.preparedQuery(RELEASE_QUOTA).execute(Tuple.of(account.id(), bytes)).replaceWithVoid();
    }

    private static MailRejection lost() {
        return new MailRejection(MailRejection.Code.CANNOT, "the maildrop lease is no longer held by this session");
    }
}
