package io.postflow.mailbox.messaging;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.Topics;
import io.postflow.common.log.TraceLog;
import io.postflow.common.status.DeliveryStatus;
import org.jboss.logging.Logger;
import io.postflow.common.status.DeliveryStatusCodec;
import io.postflow.mailbox.domain.delivery.DeliveryOutcomes;
import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes delivery reports to Kafka; each Uni completes on the broker's acknowledgement. */
@ApplicationScoped
public class KafkaDeliveryOutcomes implements DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(KafkaDeliveryOutcomes.class);

    private final MutinyEmitter<byte[]> status;
    private final MutinyEmitter<byte[]> retry;

    public KafkaDeliveryOutcomes(@Channel("mail-status") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                                         bufferSize = KafkaSends.BATCH_BUFFER) MutinyEmitter<byte[]> status,
                                 @Channel("mail-retry") MutinyEmitter<byte[]> retry) {
        this.status = status;
        this.retry = retry;
    }

    @Override
    public Uni<Void> statuses(List<DeliveryStatus> statuses) {
        return KafkaSends.all(statuses.stream()
                .map(s -> status.sendMessage(KafkaSends.keyed(s.traceId(), DeliveryStatusCodec.encode(s)))).toList())
                .invoke(() -> statuses.forEach(KafkaDeliveryOutcomes::log));
    }

    /** One line per recipient outcome, the mailbox end of the message's trace. */
    private static void log(DeliveryStatus s) {
        TraceLog.info(LOG, s.traceId(), "%s %s: to=<%s> status=%s (%s)",
                s.outcome().name().toLowerCase(java.util.Locale.ROOT), s.traceId(), s.recipient(), s.status(), s.detail());
    }

    @Override
    public Uni<Void> retryLater(DeliveryRequest request, Duration age) {
        Envelope single = request.envelope().withRecipients(List.of(request.recipient()));
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(single));
        headers.add(EnvelopeCodec.TRACE_ID_HEADER, single.traceId().getBytes(StandardCharsets.US_ASCII));
        return retry.sendMessage(Message.of(request.message()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(tierFor(age)).withKey(single.traceId()).withHeaders(headers).build()));
    }

    /** Short waits while the message is young, longer ones as it ages (RFC 5321 §4.5.4.1). */
    static String tierFor(Duration age) {
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return Topics.MAIL_RETRY_10M;
        }
        return age.compareTo(Duration.ofDays(1)) < 0 ? Topics.MAIL_RETRY_1H : Topics.MAIL_RETRY_6H;
    }
}
