package io.postflow.relay.outbound;

import io.postflow.common.record.Recipient;
import java.util.Objects;

/**
 * The fate of one recipient on one attempt.
 *
 * @param recipient  the recipient as requested
 * @param kind       delivered, temporary failure (retry later) or permanent failure (bounce)
 * @param status     RFC 3463 enhanced status, e.g. {@code 2.0.0}, {@code 4.4.1}, {@code 5.1.1}, {@code 5.1.10}
 * @param diagnostic RFC 3464 Diagnostic-Code text, e.g. {@code smtp; 550 5.1.1 no such user}, or a
 *                   local explanation such as {@code X-Postflow; no MX host answered}
 * @param remoteMta  the host that gave the answer (Remote-MTA), or null if none was reached
 */
public record RecipientOutcome(Recipient recipient, Kind kind, String status, String diagnostic, String remoteMta) {

    public enum Kind { DELIVERED, TEMPORARY, PERMANENT }

    public RecipientOutcome {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }
}
