package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/** Records that cannot be processed at all, kept with the reason on {@code mail.deadletter} (as mailbox-service does). */
final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaRelayOutput output;

    DeadLetters(KafkaRelayOutput output) {
        this.output = output;
    }

    CompletionStage<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.errorf("dead-lettering %s: %s", source, reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.MAIL_DEADLETTER, null, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()));
        dead.headers().add("postflow-deadletter-reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("postflow-deadletter-source", source.getBytes(StandardCharsets.UTF_8));
        return output.send(dead);
    }
}
