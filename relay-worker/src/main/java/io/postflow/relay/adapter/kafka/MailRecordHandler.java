package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.EnvelopeFormatException;
import io.postflow.common.record.Topics;
import io.postflow.relay.delivery.RelayProcessor;
import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.retry.RetryState;
import io.postflow.relay.retry.RetryStateCodec;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Handles mail records of {@code mail.accepted} and of the retry tiers. A tier record is due at the
 * time in its {@code postflow-retry} header; a tier record without that header (mailbox-service
 * hands over-quota messages to the tiers with the envelope only) is due one tier delay after it was
 * written. A record that cannot be read goes to {@code mail.deadletter} and never blocks its partition.
 */
final class MailRecordHandler implements RecordHandler {

    private final RelayProcessor processor;
    private final RetrySchedule schedule;
    private final DeadLetters deadLetters;

    MailRecordHandler(RelayProcessor processor, RetrySchedule schedule, DeadLetters deadLetters) {
        this.processor = processor;
        this.schedule = schedule;
        this.deadLetters = deadLetters;
    }

    @Override
    public Instant dueAt(ConsumerRecord<String, byte[]> record) {
        if (!Topics.retryTiers().contains(record.topic())) {
            return null;
        }
        try {
            RetryState state = retryState(record);
            if (state.dueAt() != null) {
                return state.dueAt();
            }
        } catch (IllegalArgumentException e) {
            return null; // unreadable: handle() dead-letters it now
        }
        return schedule.dueAt(record.topic(), Instant.ofEpochMilli(record.timestamp()));
    }

    @Override
    public CompletionStage<Void> handle(ConsumerRecord<String, byte[]> record) {
        Envelope envelope;
        RetryState state;
        try {
            Header header = record.headers().lastHeader(EnvelopeCodec.HEADER);
            if (header == null) {
                throw new EnvelopeFormatException("no " + EnvelopeCodec.HEADER + " header");
            }
            if (record.value() == null) {
                throw new EnvelopeFormatException("record has no message");
            }
            envelope = EnvelopeCodec.decode(header.value());
            state = retryState(record);
        } catch (IllegalArgumentException | EnvelopeFormatException e) {
            return deadLetters.send(record, e.getMessage());
        }
        return processor.process(envelope, record.value(), state);
    }

    static RetryState retryState(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(RetryStateCodec.HEADER);
        return header == null ? RetryState.fresh() : RetryStateCodec.decode(header.value());
    }
}
