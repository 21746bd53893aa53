package io.postflow.relay.retry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a retry record remembers between attempts, carried in the {@link RetryStateCodec#HEADER}
 * Kafka header next to the envelope (whose recipients are the ones still pending).
 *
 * @param attempts       temporary failures so far
 * @param dueAt          when the record may be tried again
 * @param delayNotified  recipients that already got their "delayed" DSN (sent once)
 * @param lastFailures   the last temporary failure per recipient, reported when the message expires
 */
public record RetryState(int attempts, Instant dueAt, Set<String> delayNotified, Map<String, LastFailure> lastFailures) {

    public RetryState {
        delayNotified = Set.copyOf(delayNotified);
        lastFailures = Map.copyOf(lastFailures);
    }

    /** A record that never failed here: mail.accepted, or a tier record written by another service. */
    public static RetryState fresh() {
        return new RetryState(0, null, Set.of(), Map.of());
    }

    /** One temporary failure as it would appear in a DSN. */
    public record LastFailure(String status, String diagnostic, String remoteMta) {
    }
}
