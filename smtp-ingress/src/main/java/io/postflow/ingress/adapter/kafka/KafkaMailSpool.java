package io.postflow.ingress.adapter.kafka;

import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailRecord;
import io.postflow.ingress.domain.MailSpool;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Kafka is the spool: a message is accepted when {@code mail.accepted} acknowledged it (acks=all,
 * idempotent producer; see application.properties). The value is the raw message bytes, the
 * envelope travels as a versioned JSON header, and the record key is the trace id.
 */
@ApplicationScoped
public class KafkaMailSpool implements MailSpool {

    private final MutinyEmitter<byte[]> accepted;

    /**
     * The emitter's default buffer (256 messages) would refuse sends under load, which the session
     * would turn into 451s. It needs no cap of its own: each session has at most one message in
     * flight, and the ingress's byte budget bounds their bytes.
     */
    public KafkaMailSpool(@Channel("mail-accepted") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> accepted) {
        this.accepted = accepted;
    }

    @Override
    public Uni<Void> accept(MailRecord record) {
        return accepted.sendMessage(toMessage(record));
    }

    static Message<byte[]> toMessage(MailRecord record) {
        String traceId = record.envelope().traceId();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(record.envelope()));
        headers.add(EnvelopeCodec.TRACE_ID_HEADER, traceId.getBytes(StandardCharsets.US_ASCII));
        return Message.of(record.message()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(traceId)
                .withHeaders(headers)
                .build());
    }
}
