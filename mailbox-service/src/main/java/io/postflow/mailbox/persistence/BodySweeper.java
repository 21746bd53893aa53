package io.postflow.mailbox.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Deletes message bodies whose last entry went away more than the grace period ago, in small
 * batches. A delivery that brings the same content back in the meantime resets the body's
 * reference count and clears {@code unreferenced_since}, and the DELETE re-checks both under the
 * row lock, so a body in use is never removed.
 */
@ApplicationScoped
public class BodySweeper {

    private static final Logger LOG = Logger.getLogger(BodySweeper.class);
    private static final int BATCH = 500;
    private static final String SWEEP = """
            DELETE FROM message_body
             WHERE id IN (SELECT id FROM message_body
                           WHERE ref_count = 0 AND unreferenced_since < now() - make_interval(secs => $1)
                           ORDER BY unreferenced_since LIMIT $2 FOR UPDATE SKIP LOCKED)
               AND ref_count = 0 AND unreferenced_since < now() - make_interval(secs => $1)""";

    private final Pool pool;
    private final Vertx vertx;
    private final StoreConfig config;
    private long timer = -1;

    public BodySweeper(Pool pool, Vertx vertx, StoreConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep()
                .subscribe().with(n -> { }, f -> LOG.warnf("body sweep failed: %s", f.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes every body past its grace period; returns how many. */
    public Uni<Long> sweep() {
        return sweepBatch().chain(deleted -> deleted < BATCH
                ? Uni.createFrom().item((long) deleted)
                : sweep().map(more -> deleted + more));
    }

    private Uni<Integer> sweepBatch() {
        double graceSeconds = config.bodyGrace().toMillis() / 1000.0;
        return pool.preparedQuery(SWEEP).execute(Tuple.of(graceSeconds, BATCH)).map(rows -> rows.rowCount())
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("swept %d unreferenced message bodies", n);
                    }
                });
    }
}
