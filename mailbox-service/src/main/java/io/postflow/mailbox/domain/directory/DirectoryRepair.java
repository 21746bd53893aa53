package io.postflow.mailbox.domain.directory;

import io.postflow.mailbox.config.MailboxConfig;
import io.postflow.mailbox.persistence.DirectoryOutbox;
import io.postflow.mailbox.persistence.DirectoryOutbox.Pending;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps {@code directory.addresses} in step with the database when a publication was lost:
 * <ul>
 *   <li>at start-up, the whole directory is republished (retried every interval until it succeeds);</li>
 *   <li>every {@code postflow.directory.repair-interval}, outbox rows older than twice the publish
 *       timeout (their own call gave up on them, or its instance died) are published from the
 *       keys' current state, tombstones included, and deleted.</li>
 * </ul>
 * Several instances may drain the same rows at once: publishing a key's current state twice is
 * harmless on a compacted topic.
 */
@ApplicationScoped
public class DirectoryRepair {

    private static final Logger LOG = Logger.getLogger(DirectoryRepair.class);
    static final int BATCH = DirectoryPublication.BATCH;

    private final DirectoryRepublisher republisher;
    private final DirectoryPublication publication;
    private final DirectoryOutbox outbox;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration minAge;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean republishPending = new AtomicBoolean(true);
    private long timer = -1;

    DirectoryRepair(DirectoryRepublisher republisher, DirectoryPublication publication, DirectoryOutbox outbox,
            Vertx vertx, MailboxConfig config) {
        this.republisher = republisher;
        this.publication = publication;
        this.outbox = outbox;
        this.vertx = vertx;
        this.interval = config.directory().repairInterval();
        this.minAge = config.directory().publishTimeout().multipliedBy(2);
    }

    void onStart(@Observes StartupEvent event) {
        tick();
        timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Publishes unconfirmed outbox rows until none is left; answers how many rows were published. */
    public Uni<Long> drainOutbox() {
        return Multi.createBy().repeating()
                .uni(() -> outbox.olderThan(minAge, BATCH).chain(this::publishAndForget))
                .whilst(published -> published == BATCH)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }

    private Uni<Integer> publishAndForget(List<Pending> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return publication.publishCurrent(pending.stream().map(Pending::key).toList())
                .chain(() -> outbox.delete(pending.stream().map(Pending::id).toList()))
                .replaceWith(pending.size());
    }

    // One run at a time; a run that is still going when the timer fires again is not doubled.
    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Uni<Void> republish = republishPending.get()
                ? republisher.republishAll().invoke(report -> republishPending.set(false)).replaceWithVoid()
                : Uni.createFrom().voidItem();
        republish.chain(this::drainOutbox)
                .eventually(() -> running.set(false))
                .subscribe().with(
                        repaired -> {
                            if (repaired > 0) {
                                LOG.infof("directory repair published %d changes whose publication had not been confirmed", repaired);
                            }
                        },
                        failure -> LOG.warnf("directory repair failed (%s); retrying in %s", failure.toString(), interval));
    }
}
