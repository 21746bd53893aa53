package io.postflow.relay.dsn;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-recipient fields of one DSN (RFC 3464 §2.3).
 *
 * @param finalRecipient    the address the outcome is about (Final-Recipient, rfc822 type)
 * @param originalRecipient the ORCPT parameter as {@code addr-type;value}, or null
 * @param action            what happened
 * @param status            RFC 3463 code
 * @param diagnostic        Diagnostic-Code value ({@code smtp; 550 5.1.1 ...}), or null
 * @param remoteMta         host that answered (Remote-MTA, dns type), or null
 * @param lastAttempt       Last-Attempt-Date
 * @param willRetryUntil    Will-Retry-Until, only for {@link DsnAction#DELAYED}; otherwise null
 */
public record DsnRecipient(String finalRecipient, String originalRecipient, DsnAction action, String status,
                           String diagnostic, String remoteMta, Instant lastAttempt, Instant willRetryUntil) {

    public DsnRecipient {
        Objects.requireNonNull(finalRecipient, "finalRecipient");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }
}
