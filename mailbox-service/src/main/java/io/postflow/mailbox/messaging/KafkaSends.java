package io.postflow.mailbox.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Small helpers shared by the Kafka adapters. */
final class KafkaSends {

    /**
     * Emitter buffer of the channels a delivery batch reports on ({@code mail.status},
     * {@code mailbox.events}): one poll of {@code mail.deliver} (200 records) fanned out to its final
     * accounts is sent before any acknowledgement is awaited, and the default buffer (128) made large
     * fan-outs fail with "insufficient downstream requests" and fall back to one record at a time.
     * The consumer awaits every acknowledgement before its next poll, so this bounds memory too.
     */
    static final int BATCH_BUFFER = 32_768;

    private KafkaSends() {
    }

    static Message<byte[]> keyed(String key, byte[] value) {
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /** Completes when every send is acknowledged; fails on the first failure. */
    static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
