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

    @Produces
    @Identifier("mail-accepted-producer")
    Map<String, Object> mailAcceptedProducer(SmtpIngressConfig config) {
        return Map.of("max.request.size", (int) Math.min(Integer.MAX_VALUE, config.maxMessageSize() + RECORD_OVERHEAD));
    }
}
