package io.postflow.mailbox.messaging;

import io.postflow.common.directory.DirectoryCodec;
import io.postflow.mailbox.config.MailboxConfig;
import io.postflow.mailbox.domain.directory.DirectoryPublisher;
import io.postflow.mailbox.domain.directory.DirectoryUpdate;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes directory updates to {@code directory.addresses} (channel {@code directory-addresses},
 * acks=all, idempotent producer; see application.properties). Key: the canonical domain or
 * address; value: {@link DirectoryCodec} JSON, or null for a removal (a Kafka tombstone, which
 * compaction uses to drop the key).
 */
@ApplicationScoped
public class KafkaDirectoryPublisher implements DirectoryPublisher {

    /** A republish page plus the admin calls that may arrive meanwhile. */
    static final int BUFFER = 2048;

    private final MutinyEmitter<Record<String, byte[]>> directory;
    private final Duration timeout;

    KafkaDirectoryPublisher(
            @Channel("directory-addresses") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
            MutinyEmitter<Record<String, byte[]>> directory,
            MailboxConfig config) {
        this.directory = directory;
        this.timeout = config.directory().publishTimeout();
    }

    @Override
    public Uni<Void> publish(List<DirectoryUpdate> updates) {
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Subscribed in list order, so one producer sends them in order; all are awaited together.
        List<Uni<Void>> acks = new ArrayList<>(updates.size());
        for (DirectoryUpdate update : updates) {
            acks.add(directory.send(toRecord(update)));
        }
        return Uni.join().all(acks).andFailFast()
                .replaceWithVoid()
                .ifNoItem().after(timeout)
                .failWith(() -> new TimeoutException("Kafka did not acknowledge " + updates.size()
                        + " directory records within " + timeout));
    }

    static Record<String, byte[]> toRecord(DirectoryUpdate update) {
        return Record.of(update.key(), update.isRemoval() ? null : DirectoryCodec.encode(update.entry()));
    }
}
