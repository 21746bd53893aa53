package io.postflow.ingress.adapter.kafka;

import io.postflow.ingress.config.SmtpIngressConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/** Producer settings derived from the ingress config rather than repeated in properties. */
@ApplicationScoped
public class ProducerSettings {

    /** Envelope header and trace headers on top of the largest message; matches topics.conf. */
    static final long RECORD_OVERHEAD = 1_048_576L;

    /** The producer's own floor (its default), kept when twice the largest record is less. */
    static final long MIN_BUFFER_MEMORY = 33_554_432L;

    /**
     * {@code buffer.memory} holds at least two of the largest records, so one large message never
     * waits for another to leave the buffer; the ingress's byte budget keeps the sum of messages in
     * flight below it, so {@code max.block.ms} is not what slows clients down.
     */
    @Produces
    @Identifier("mail-accepted-producer")
    Map<String, Object> mailAcceptedProducer(SmtpIngressConfig config) {
        long largest = config.maxMessageSize() + RECORD_OVERHEAD;
        long buffer = Math.max(MIN_BUFFER_MEMORY, Math.max(2 * largest, config.limits().maxBytesInFlight() + largest));
        return Map.of("max.request.size", (int) Math.min(Integer.MAX_VALUE, largest), "buffer.memory", buffer);
    }
}
