package io.postflow.relay.adapter.kafka;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a {@link ConsumerLoop} does with each record. */
interface RecordHandler {

    /** When the record may be processed; null or a past instant means now. */
    default Instant dueAt(ConsumerRecord<String, byte[]> record) {
        return null;
    }

    /**
     * Processes the record; the stage completes once everything it produced is acknowledged. A
     * failed stage means "not done": the record is processed again later.
     */
    CompletionStage<Void> handle(ConsumerRecord<String, byte[]> record);
}
