package io.postflow.relay.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.retry.RetryState;
import io.postflow.relay.retry.RetryStateCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class MailRecordHandlerDueTest {

    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6)),
            List.of("1m"), Duration.ofDays(5), Duration.ofHours(4));
    private final MailRecordHandler handler = new MailRecordHandler(null, schedule, null);
    private final Instant written = Instant.parse("2026-11-20T10:00:00Z");

    private ConsumerRecord<String, byte[]> record(String topic, RetryState state) {
        RecordHeaders headers = new RecordHeaders();
        if (state != null) {
            headers.add(RetryStateCodec.HEADER, RetryStateCodec.encode(state));
        }
        return new ConsumerRecord<>(topic, 0, 0, written.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, "k", new byte[0],
                headers, Optional.empty());
    }

    @Test
    void acceptedMailIsAlwaysDue() {
        assertThat(handler.dueAt(record("mail.accepted", null))).isNull();
    }

    @Test
    void relayRetryRecordIsDueAtItsHeaderTime() {
        Instant due = written.plus(Duration.ofMinutes(7));
        assertThat(handler.dueAt(record("mail.retry.10m", new RetryState(2, due, Set.of(), Map.of())))).isEqualTo(due);
    }

    @Test
    void tierRecordWithoutHeaderIsDueOneTierDelayAfterItWasWritten() {
        // mailbox-service hands over-quota messages to the tiers with only the envelope.
        assertThat(handler.dueAt(record("mail.retry.1h", null))).isEqualTo(written.plus(Duration.ofHours(1)));
        assertThat(handler.dueAt(record("mail.retry.6h", null))).isEqualTo(written.plus(Duration.ofHours(6)));
    }
}
