package io.postflow.ingress.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.TraceIds;
import io.postflow.common.record.Topics;
import io.postflow.ingress.domain.MailSpool;
import io.postflow.ingress.server.IngressTestResource;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The spool hands a message to the real broker, and a consumer reads back the exact bytes and envelope. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
// Same resources in every @QuarkusTest of this module: one application, one test broker.
@WithTestResource(IngressTestResource.class)
class KafkaMailSpoolTest {

    @Inject
    MailSpool spool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void acceptedMailIsOnTheTopicByteForByteWithItsEnvelope() {
        String traceId = TraceIds.newTraceId();
        byte[] message = ("Received: from client.example\r\nSubject: hello\r\n\r\nbody line\r\n.dot stays\r\n\u00e9t\u00e9\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Envelope envelope = new Envelope(1, traceId, "alice@example.test",
                new MailParameters("8BITMIME", false, "HDRS", "env-1", (long) message.length),
                List.of(new Recipient("bob@example.test", Set.of(), null)),
                "192.0.2.7", "client.example", null, null, Instant.parse("2026-11-28T10:00:00Z"));

        spool.accept(new MailRecord(envelope, message)).await().atMost(Duration.ofSeconds(20));

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            List<ConsumerRecord<String, byte[]>> records = companion
                    .consume(String.class, byte[].class)
                    .fromTopics(Topics.MAIL_ACCEPTED)
                    .awaitNextRecords(1, Duration.ofSeconds(20))
                    .getRecords();
            ConsumerRecord<String, byte[]> record = records.stream().filter(r -> traceId.equals(r.key())).findFirst().orElseThrow();
            assertThat(record.value()).isEqualTo(message);
            Envelope decoded = EnvelopeCodec.decode(record.headers().lastHeader(EnvelopeCodec.HEADER).value());
            assertThat(decoded).isEqualTo(envelope);
            assertThat(new String(record.headers().lastHeader(EnvelopeCodec.TRACE_ID_HEADER).value(), StandardCharsets.US_ASCII))
                    .isEqualTo(traceId);
        }
    }
}
