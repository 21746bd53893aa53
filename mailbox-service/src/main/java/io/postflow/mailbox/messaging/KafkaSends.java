package io.postflow.mailbox.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Small helpers shared by the Kafka adapters. */
final class KafkaSends {

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
