package io.postflow.mailbox.domain.directory;

import io.postflow.mailbox.config.MailboxConfig;
import io.postflow.mailbox.persistence.DirectoryOutbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes the current state of changed directory keys after their transaction committed.
 *
 * <p>A committed change is never undone because Kafka is unavailable: the admin call still
 * succeeds, the failure is logged, and the change's outbox rows stay behind for
 * {@link DirectoryRepair}, which publishes them within {@code postflow.directory.repair-interval}.
 */
@ApplicationScoped
public class DirectoryPublication {

    private static final Logger LOG = Logger.getLogger(DirectoryPublication.class);
    /** Keys resolved and published per round: bounds memory and the records in flight. */
    static final int BATCH = 500;

    private final DirectoryResolver resolver;
    private final DirectoryPublisher publisher;
    private final DirectoryOutbox outbox;
    private final Duration repairInterval;

    DirectoryPublication(DirectoryResolver resolver, DirectoryPublisher publisher, DirectoryOutbox outbox, MailboxConfig config) {
        this.resolver = resolver;
        this.publisher = publisher;
        this.outbox = outbox;
        this.repairInterval = config.directory().repairInterval();
    }

    /** Publishes what one committed transaction changed, then forgets its outbox rows. Never fails. */
    public Uni<Void> publishCommitted(TouchedKeys touched) {
        List<String> keys = touched.keys();
        return publishCurrent(keys)
                .chain(() -> outbox.delete(touched.outboxIds()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("directory change committed but not published (%s): %s; the repair task publishes it within %s",
                            failure.toString(), summary(keys), repairInterval);
                    return null;
                });
    }

    /** Reads the current state of the keys and publishes it, {@link #BATCH} keys at a time. */
    public Uni<Void> publishCurrent(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int batches = (keys.size() + BATCH - 1) / BATCH;
        return Multi.createFrom().range(0, batches)
                .map(i -> keys.subList(i * BATCH, Math.min(keys.size(), (i + 1) * BATCH)))
                .onItem().transformToUniAndConcatenate(batch -> resolver.current(batch).chain(publisher::publish))
                .collect().last()
                .replaceWithVoid();
    }

    private static String summary(List<String> keys) {
        return keys.size() <= 5 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 5)) + " and " + (keys.size() - 5) + " more";
    }
}
