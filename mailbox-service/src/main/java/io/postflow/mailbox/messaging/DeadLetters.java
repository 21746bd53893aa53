package io.postflow.mailbox.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Records that cannot be processed at all go to {@code mail.deadletter} with their original key,
 * value and headers plus the reason and where they came from, so they never block a partition and
 * an operator can inspect or replay them.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_HEADER = "postflow-deadletter-reason";
    public static final String SOURCE_HEADER = "postflow-deadletter-source";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> deadLetters;

    public DeadLetters(@Channel("mail-deadletter") MutinyEmitter<byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    public Uni<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.errorf("dead-lettering %s (key %s): %s", source, record.key(), reason);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return deadLetters.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build()));
    }
}
