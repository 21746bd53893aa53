package io.postflow.mailbox.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes expunge log entries ({@code mailbox_expunged}) older than the retention, one mailbox and
 * at most {@link #BATCH} rows per transaction, so a large backlog never holds locks for long. Each
 * transaction raises the mailbox's {@code expunge_pruned_modseq} to the highest MODSEQ it deleted,
 * in the same commit: a "changes since n" below it is then refused (MailboxChangeQueries) instead
 * of silently missing those expunges.
 *
 * <p>Locks: the mailbox row first, then its log rows, the order of every other writer of the log
 * (EXPUNGE, MOVE, INBOX rename, the cascade of a mailbox DELETE), so the pruner never deadlocks
 * with them; two instances pruning the same mailbox wait for each other on the mailbox row.
 */
@ApplicationScoped
public class ExpungeLogPruner {

    private static final Logger LOG = Logger.getLogger(ExpungeLogPruner.class);
    static final int BATCH = 500;
    private static final String OLDEST = """
            SELECT mailbox_id FROM mailbox_expunged
             WHERE expunged_at < now() - make_interval(secs => $1)
             ORDER BY expunged_at LIMIT 1""";
    private static final String LOCK = "SELECT id FROM mailbox WHERE id = $1 FOR UPDATE";
    // Oldest MODSEQs first over the (mailbox_id, modseq) index, which follows expunged_at closely.
    private static final String PRUNE = """
            WITH gone AS (
                DELETE FROM mailbox_expunged
                 WHERE mailbox_id = $1
                   AND uid IN (SELECT uid FROM mailbox_expunged
                                WHERE mailbox_id = $1 AND expunged_at < now() - make_interval(secs => $2)
                                ORDER BY modseq LIMIT $3)
                RETURNING modseq),
            horizon AS (
                UPDATE mailbox SET expunge_pruned_modseq = (SELECT max(modseq) FROM gone)
                 WHERE id = $1 AND expunge_pruned_modseq < (SELECT max(modseq) FROM gone))
            SELECT count(*) AS deleted FROM gone""";

    private final Pool pool;
    private final Vertx vertx;
    private final StoreConfig.ExpungeLog config;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ExpungeLogPruner(Pool pool, Vertx vertx, StoreConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.expungeLog();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> {
            // A backlog can outlast the interval: one run at a time.
            if (running.compareAndSet(false, true)) {
                prune().eventually(() -> running.set(false))
                        .subscribe().with(n -> { }, f -> LOG.warnf("expunge log pruning failed: %s", f.toString()));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes every entry past the retention; returns how many. */
    public Uni<Long> prune() {
        // Repeated rather than recursive, so a backlog of many batches does not nest one stage per batch.
        return Multi.createBy().repeating().uni(this::pruneBatch).until(deleted -> deleted == 0)
                .collect().with(Collectors.summingLong(Integer::longValue))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("pruned %d expunge log entries older than %s", n, config.retention());
                    }
                });
    }

    /** At most {@link #BATCH} entries of the mailbox with the oldest entry past the retention; 0 when none. */
    Uni<Integer> pruneBatch() {
        return pool.preparedQuery(OLDEST).execute(Tuple.of(retentionSeconds()))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0)
                        : pool.withTransaction(conn -> pruneMailbox(conn, rows.iterator().next().getLong("mailbox_id"))));
    }

    private Uni<Integer> pruneMailbox(SqlConnection conn, long mailboxId) {
        return conn.preparedQuery(LOCK).execute(Tuple.of(mailboxId))
                .chain(locked -> locked.size() == 0 ? Uni.createFrom().item(0) // deleted meanwhile, log with it
                        : conn.preparedQuery(PRUNE).execute(Tuple.of(mailboxId, retentionSeconds(), BATCH))
                                .map(ExpungeLogPruner::deleted));
    }

    private static int deleted(RowSet<Row> rows) {
        return rows.iterator().next().getLong("deleted").intValue();
    }

    private double retentionSeconds() {
        return config.retention().toMillis() / 1000.0;
    }
}
