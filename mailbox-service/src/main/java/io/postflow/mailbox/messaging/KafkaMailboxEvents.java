package io.postflow.mailbox.messaging;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.event.MailboxEventCodec;
import io.postflow.mailbox.domain.events.MailboxEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes mailbox events keyed by mailbox id, so each mailbox's events stay in order. */
@ApplicationScoped
public class KafkaMailboxEvents implements MailboxEvents {

    private final MutinyEmitter<byte[]> events;

    public KafkaMailboxEvents(@Channel("mailbox-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = KafkaSends.BATCH_BUFFER) MutinyEmitter<byte[]> events) {
        this.events = events;
    }

    @Override
    public Uni<Void> publish(List<MailboxEvent> list) {
        return KafkaSends.all(list.stream()
                .map(e -> events.sendMessage(KafkaSends.keyed(MailboxEventCodec.key(e), MailboxEventCodec.encode(e))))
                .toList());
    }
}
