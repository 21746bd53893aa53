package io.postflow.mailbox.messaging;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailAddress;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.EnvelopeFormatException;
import io.postflow.common.record.Recipient;
import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.postflow.mailbox.domain.delivery.LocalDelivery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code mail.deliver} in batches: everything one poll returned is delivered in one
 * database transaction, and the batch's offsets are committed only after that transaction and the
 * reports it caused are durable (the Uni completes, then the connector acknowledges).
 */
@ApplicationScoped
public class DeliveryConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);
    private static final int CONFLICT_RETRIES = 20;

    private final LocalDelivery delivery;
    private final DeadLetters deadLetters;

    public DeliveryConsumer(LocalDelivery delivery, DeadLetters deadLetters) {
        this.delivery = delivery;
        this.deadLetters = deadLetters;
    }

    @Incoming("mail-deliver")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Map<ConsumerRecord<String, byte[]>, List<DeliveryRequest>> byRecord = new LinkedHashMap<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                byRecord.put(record, requests(record));
            } catch (EnvelopeFormatException | AddressException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        List<DeliveryRequest> all = byRecord.values().stream().flatMap(List::stream).toList();
        return KafkaSends.all(rejected)
                .chain(() -> withRetries(delivery.deliver(all)))
                .onFailure(f -> FailureKind.of(f) == FailureKind.DATA)
                .recoverWithUni(f -> oneByOne(byRecord, f));
    }

    /** The requests of one record: one per final account. */
    static List<DeliveryRequest> requests(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EnvelopeCodec.HEADER);
        if (header == null) {
            throw new EnvelopeFormatException("no " + EnvelopeCodec.HEADER + " header");
        }
        if (record.value() == null) {
            throw new EnvelopeFormatException("record has no message");
        }
        Envelope envelope = EnvelopeCodec.decode(header.value());
        List<DeliveryRequest> requests = new ArrayList<>(envelope.recipients().size());
        for (Recipient recipient : envelope.recipients()) {
            // Accounts are looked up by canonical key; relay-worker should already send keys.
            String key = MailAddress.parse(recipient.address(), true).key();
            requests.add(new DeliveryRequest(envelope, new Recipient(key, recipient.notifyOn(), recipient.orcpt()),
                    record.value()));
        }
        return requests;
    }

    /** Waits out an unavailable database or broker, and retries lost races a bounded number of times. */
    private static Uni<Void> withRetries(Uni<Void> attempt) {
        return attempt
                .onFailure(f -> FailureKind.of(f) == FailureKind.CONFLICT)
                .retry().withBackOff(Duration.ofMillis(20), Duration.ofSeconds(1)).atMost(CONFLICT_RETRIES)
                .onFailure(f -> FailureKind.of(f) == FailureKind.UNAVAILABLE)
                .invoke(f -> LOG.warnf("delivery waits for the database or broker: %s", f.toString()))
                .onFailure(f -> FailureKind.of(f) == FailureKind.UNAVAILABLE)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    /** After a data failure of the batch: each record alone, and the one that fails to dead letters. */
    private Uni<Void> oneByOne(Map<ConsumerRecord<String, byte[]>, List<DeliveryRequest>> byRecord, Throwable cause) {
        LOG.warnf("batch of %d records failed (%s); delivering them one by one", byRecord.size(), cause.toString());
        return Multi.createFrom().iterable(byRecord.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> withRetries(delivery.deliver(entry.getValue()))
                        .onFailure(f -> FailureKind.of(f) == FailureKind.DATA)
                        .recoverWithUni(f -> deadLetters.send(entry.getKey(), "delivery failed: " + f)))
                .collect().last()
                .replaceWithVoid();
    }
}
