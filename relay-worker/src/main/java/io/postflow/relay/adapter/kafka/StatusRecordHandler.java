package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.MailRecord;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatusCodec;
import io.postflow.common.status.DeliveryStatusFormatException;
import io.postflow.relay.delivery.RelayProcessor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads {@code mail.status} for the permanent local failures mailbox-service reports (unknown
 * account 5.1.1, over quota past its retry lifetime 5.2.2) and bounces them: the message is read
 * back from {@code mail.deliver} ({@link DeliverRecordFinder}). Every other status is not this
 * handler's business (the relay's own, deliveries, deferrals).
 */
final class StatusRecordHandler implements RecordHandler {

    private static final Logger LOG = Logger.getLogger(StatusRecordHandler.class);
    static final String MAILBOX_REPORTER = "mailbox-service";

    private final RelayProcessor processor;
    private final DeliverRecordFinder finder;

    StatusRecordHandler(RelayProcessor processor, DeliverRecordFinder finder) {
        this.processor = processor;
        this.finder = finder;
    }

    @Override
    public CompletionStage<Void> handle(ConsumerRecord<String, byte[]> record) {
        DeliveryStatus status;
        try {
            status = DeliveryStatusCodec.decode(record.value());
        } catch (DeliveryStatusFormatException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("ignoring unreadable status %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        if (status.outcome() != DeliveryStatus.Outcome.FAILED || !MAILBOX_REPORTER.equals(status.reporter())) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<MailRecord> delivered = finder.find(status.traceId(), status.recipient(), status.at());
        if (delivered.isEmpty()) {
            LOG.errorf("%s: mailbox-service failed %s (%s %s) but the message is no longer on mail.deliver; no DSN possible",
                    status.traceId(), status.recipient(), status.status(), status.detail());
            return CompletableFuture.completedFuture(null);
        }
        return processor.bounceLocalFailure(delivered.get(), status);
    }
}
