package io.postflow.common.status;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fate of one message for one recipient, published on {@code mail.status} keyed by trace id.
 * relay-worker turns FAILED (and DEFERRED past the queue lifetime) into a DSN (RFC 3464).
 *
 * @param traceId   the message's trace id
 * @param recipient canonical address the outcome is about
 * @param outcome   delivered, deferred (will be retried) or failed (permanent)
 * @param status    RFC 3463 enhanced status code, e.g. {@code 2.0.0}, {@code 4.2.2}, {@code 5.1.1}
 * @param detail    human-readable diagnostic, no message content
 * @param reporter  the stage that decided, e.g. {@code mailbox-service}
 * @param at        when it was decided
 */
public record DeliveryStatus(String traceId, String recipient, Outcome outcome, String status, String detail,
                             String reporter, Instant at) {

    public static final int CURRENT_VERSION = 1;
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public enum Outcome { DELIVERED, DEFERRED, FAILED }

    public DeliveryStatus {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(at, "at");
        if (status == null || !ENHANCED.matcher(status).matches()) {
            throw new IllegalArgumentException("not an RFC 3463 status code: " + status);
        }
        char expected = switch (outcome) {
            case DELIVERED -> '2';
            case DEFERRED -> '4';
            case FAILED -> '5';
        };
        if (status.charAt(0) != expected) {
            throw new IllegalArgumentException("status " + status + " does not fit outcome " + outcome);
        }
    }
}
