package io.postflow.mailbox.domain.directory;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Port to the compacted {@code directory.addresses} topic. */
public interface DirectoryPublisher {

    /**
     * Publishes the updates in order (a removal as a tombstone) and completes once the broker
     * acknowledged every one of them, or fails.
     */
    Uni<Void> publish(List<DirectoryUpdate> updates);
}
