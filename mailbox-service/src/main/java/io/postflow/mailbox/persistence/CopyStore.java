package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.CopyResult;
import io.postflow.mailbox.domain.mail.CopyResult.UidPair;
import io.postflow.mailbox.domain.mail.Expunged;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxState;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.domain.mail.UidSet;
import io.postflow.mailbox.persistence.MailboxLocks.LockedAccount;
import io.postflow.mailbox.persistence.MailboxLocks.LockedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * COPY and MOVE (RFC 3501 §6.4.7, RFC 6851) in one transaction with a fixed number of statements
 * whatever the number of messages. The target's UIDs are allocated while its row is locked and
 * become visible in the same commit as the entries, like delivery's. A copy shares the body of its
 * original (reference count + 1) and keeps its trace prefix, flags, keywords and internal date
 * (RFC 3501 §6.4.7 "SHOULD be preserved"); it gets the target's new MODSEQ. A MOVE removes the
 * originals in the same transaction, so no client ever sees a message in both or in neither
 * mailbox (RFC 6851 §3.1), and costs no quota.
 */
@ApplicationScoped
public class CopyStore {

    private static final String SELECT_SOURCE = "SELECT e.uid, e.body_id, e.size, e.flags FROM mailbox_message e"
            + " WHERE e.mailbox_id = $1 AND %s ORDER BY e.uid";
    private static final String INSERT_COPIES = """
            WITH copies AS (
                INSERT INTO mailbox_message (mailbox_id, uid, body_id, prefix, size, flags, keywords, modseq, internal_date,
                                             internal_zone)
                SELECT $1, c.target, e.body_id, e.prefix, e.size, e.flags, e.keywords, $4, e.internal_date, e.internal_zone
                  FROM unnest($2::int8[], $3::int8[]) AS c(source, target)
                  JOIN mailbox_message e ON e.mailbox_id = $5 AND e.uid = c.source
                RETURNING uid)
            UPDATE mailbox SET uidnext = uidnext + $6, highestmodseq = $4, message_count = message_count + $6,
                   unseen_count = unseen_count + $7, size_bytes = size_bytes + $8
             WHERE id = $1 AND $6 = (SELECT count(*) FROM copies)
            RETURNING highestmodseq, uidnext""";
    // After the account lock: list changes lock it too, so the name stays this mailbox's.
    private static final String TARGET_BY_NAME = "SELECT id FROM mailbox WHERE account_id = $1 AND name = $2";
    private static final String CHARGE_QUOTA = "UPDATE account SET used_bytes = used_bytes + $2 WHERE id = $1";

    private final Pool pool;

    public CopyStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<CopyResult> copy(String accountKey, long sourceId, UidSet uids, MailboxKey target, boolean move) {
        return pool.withTransaction(conn -> MailboxLocks.account(conn, accountKey, sourceId)
                .chain(account -> targetId(conn, account.id(), target)
                        .chain(targetId -> MailboxLocks.mailboxes(conn, account.id(), sourceId, targetId)
                                .chain(locked -> new Copy(conn, account, locked.get(sourceId), target(locked.get(targetId)),
                                        move).run(uids)))));
    }

    /** The target's id; a name not found is an id no mailbox has, so the lock finds nothing. */
    private static Uni<Long> targetId(SqlConnection conn, long accountId, MailboxKey target) {
        if (!target.byName()) {
            return Uni.createFrom().item(target.id());
        }
        return conn.preparedQuery(TARGET_BY_NAME).execute(Tuple.of(accountId, target.name()))
                .map(rows -> rows.size() == 0 ? -1L : rows.iterator().next().getLong("id"));
    }

    /** RFC 3501 §6.4.7: a missing target is NO [TRYCREATE]; another account's mailbox is just as missing. */
    private static LockedMailbox target(LockedMailbox target) {
        if (target == null) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such target mailbox");
        }
        return target;
    }

    /** One COPY or MOVE; each step is one statement. */
    private static final class Copy {
        private final SqlConnection conn;
        private final LockedAccount account;
        private final LockedMailbox source;
        private final LockedMailbox target;
        private final boolean move;
        private final List<Long> sourceUids = new ArrayList<>();
        private final List<Long> targetUids = new ArrayList<>();
        private final Map<Long, Integer> bodies = new TreeMap<>();
        private long bytes;
        private int unseen;

        Copy(SqlConnection conn, LockedAccount account, LockedMailbox source, LockedMailbox target, boolean move) {
            if (source == null) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            this.conn = conn;
            this.account = account;
            this.source = source;
            this.target = target;
            this.move = move;
        }

        Uni<CopyResult> run(UidSet uids) {
            return selectSource(uids).chain(() -> {
                if (sourceUids.isEmpty()) {
                    MailboxState unchanged = new MailboxState(target.highestModseq(), target.uidNext());
                    return Uni.createFrom().item(new CopyResult(target.id(), target.uidValidity(), List.of(), unchanged,
                            move ? new Expunged(List.of(), new MailboxState(source.highestModseq(), source.uidNext())) : null));
                }
                if (!move && account.exceedsQuota(bytes)) {
                    throw new MailRejection(MailRejection.Code.OVERQUOTA, "the copies would exceed the account's quota");
                }
                return (move ? Uni.createFrom().voidItem() : BodyReferenceCounts.add(conn, bodies))
                        .chain(this::insertCopies)
                        .chain(targetState -> (move ? removeOriginals() : chargeQuota())
                                .map(moved -> new CopyResult(target.id(), target.uidValidity(), mapping(), targetState, moved)));
            });
        }

        private Uni<Void> selectSource(UidSet uids) {
            SqlParams params = new SqlParams();
            String id = params.add(source.id());
            String sql = SELECT_SOURCE.formatted(UidSetSql.bounded(params, uids, "e.uid", id));
            return conn.preparedQuery(sql).execute(params.tuple()).invoke(rows -> {
                long uid = target.uidNext();
                for (Row row : rows) {
                    sourceUids.add(row.getLong("uid"));
                    targetUids.add(uid++);
                    bodies.merge(row.getLong("body_id"), 1, Integer::sum);
                    bytes += row.getInteger("size");
                    if ((row.getInteger("flags") & SystemFlags.SEEN) == 0) {
                        unseen++;
                    }
                }
            }).replaceWithVoid();
        }

        private Uni<MailboxState> insertCopies() {
            long modseq = target.highestModseq() + 1;
            Tuple tuple = Tuple.from(List.of(target.id(), sourceUids.toArray(Long[]::new), targetUids.toArray(Long[]::new),
                    modseq, source.id(), (long) sourceUids.size(), unseen, bytes));
            return conn.preparedQuery(INSERT_COPIES).execute(tuple).map(rows -> {
                if (rows.size() != 1) {
                    throw new IllegalStateException("copied entries changed while the source mailbox was locked");
                }
                Row row = rows.iterator().next();
                return new MailboxState(row.getLong("highestmodseq"), row.getLong("uidnext"));
            });
        }

        private Uni<Expunged> removeOriginals() {
            SqlParams params = new SqlParams();
            String id = params.add(source.id());
            String condition = "e.uid = ANY(" + params.add(sourceUids.toArray(Long[]::new)) + "::int8[])";
            return EntryRemoval.remove(conn, source, params, id, condition).map(EntryRemoval.Removal::expunged);
        }

        private Uni<Expunged> chargeQuota() {
            return conn.preparedQuery(CHARGE_QUOTA).execute(Tuple.of(account.id(), bytes)).replaceWith((Expunged) null);
        }

        private List<UidPair> mapping() {
            List<UidPair> pairs = new ArrayList<>(sourceUids.size());
            for (int i = 0; i < sourceUids.size(); i++) {
                pairs.add(new UidPair(sourceUids.get(i), targetUids.get(i)));
            }
            return pairs;
        }
    }
}
