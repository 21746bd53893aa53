package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.Expunged;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.domain.mail.UidSet;
import io.postflow.mailbox.persistence.EntryRemoval.Removal;
import io.postflow.mailbox.persistence.MailboxLocks.LockedAccount;
import io.postflow.mailbox.persistence.MailboxLocks.LockedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * EXPUNGE and UID EXPUNGE in one transaction of five statements: lock the account (its usage
 * shrinks) and the mailbox, remove the entries flagged \Deleted (within the UID set when given,
 * RFC 4315 §2.1), release their bodies and give the account its bytes back.
 */
@ApplicationScoped
public class ExpungeStore {

    private static final String RELEASE_QUOTA = "UPDATE account SET used_bytes = greatest(used_bytes - $2, 0) WHERE id = $1";

    private final Pool pool;

    public ExpungeStore(Pool pool) {
        this.pool = pool;
    }

    /** @param uids null for EXPUNGE (every \Deleted message), else the UID EXPUNGE set */
    public Uni<Expunged> expunge(String accountKey, long mailboxId, UidSet uids) {
        return pool.withTransaction(conn -> MailboxLocks.account(conn, accountKey, mailboxId)
                .chain(account -> MailboxLocks.mailboxes(conn, account.id(), mailboxId)
                        .map(locked -> mailbox(locked.get(mailboxId)))
                        .chain(mailbox -> remove(conn, mailbox, uids))
                        .call(removal -> BodyReferenceCounts.release(conn, removal.bodies()))
                        .call(removal -> releaseQuota(conn, account, removal.bytes()))
                        .map(Removal::expunged)));
    }

    private static Uni<Removal> remove(SqlConnection conn, LockedMailbox mailbox, UidSet uids) {
        SqlParams params = new SqlParams();
        String id = params.add(mailbox.id());
        String condition = "(e.flags & " + SystemFlags.DELETED + ") <> 0"
                + (uids == null ? "" : " AND " + UidSetSql.bounded(params, uids, "e.uid", id));
        return EntryRemoval.remove(conn, mailbox, params, id, condition);
    }

    private static Uni<Void> releaseQuota(SqlConnection conn, LockedAccount account, long bytes) {
        return bytes == 0 ? Uni.createFrom().voidItem()
                : conn.preparedQuery(RELEASE_QUOTA).execute(Tuple.of(account.id(), bytes)).replaceWithVoid();
    }

    /** The mailbox was there when the account was locked; only a concurrent deletion removes it. */
    private static LockedMailbox mailbox(LockedMailbox locked) {
        if (locked == null) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        return locked;
    }
}
