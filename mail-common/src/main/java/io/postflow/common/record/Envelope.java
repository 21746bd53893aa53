package io.postflow.common.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The SMTP envelope of one accepted message. It travels beside the raw message bytes as the JSON
 * Kafka header {@link EnvelopeCodec#HEADER}, so the body is never re-encoded.
 *
 * @param version           format version of the header; {@link #CURRENT_VERSION} for new envelopes
 * @param traceId           id that follows the message through every service ({@link TraceIds})
 * @param mailFrom          reverse-path address without angle brackets; "" for the null sender {@code <>}
 * @param mailParameters    ESMTP parameters of {@code MAIL FROM}
 * @param recipients        accepted recipients, in {@code RCPT TO} order; never empty
 * @param clientAddress     IP address of the SMTP client, or null for internally generated mail
 * @param clientHelo        the {@code HELO}/{@code EHLO} argument, or null
 * @param authenticatedUser the SMTP AUTH identity, or null
 * @param tls               the TLS parameters, or null for a plain-text session
 * @param receivedAt        when the final reply to the message was decided
 */
public record Envelope(
        int version,
        String traceId,
        String mailFrom,
        MailParameters mailParameters,
        List<Recipient> recipients,
        String clientAddress,
        String clientHelo,
        String authenticatedUser,
        TlsInfo tls,
        Instant receivedAt) {

    /** The newest header format this code writes and understands. */
    public static final int CURRENT_VERSION = 1;

    public Envelope {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(mailFrom, "mailFrom");
        Objects.requireNonNull(receivedAt, "receivedAt");
        mailParameters = mailParameters == null ? MailParameters.NONE : mailParameters;
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.isEmpty()) {
            // A transaction without an accepted RCPT never reaches DATA (RFC 5321 §3.3).
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
    }

    /** An envelope in the current format. */
    public static Envelope of(String traceId, String mailFrom, MailParameters mailParameters,
                              List<Recipient> recipients, String clientAddress, String clientHelo,
                              String authenticatedUser, TlsInfo tls, Instant receivedAt) {
        return new Envelope(CURRENT_VERSION, traceId, mailFrom, mailParameters, recipients,
                clientAddress, clientHelo, authenticatedUser, tls, receivedAt);
    }

    /** True for {@code MAIL FROM:<>}: bounces and other mail that must never cause a bounce (RFC 5321 §4.5.5). */
    public boolean isNullSender() {
        return mailFrom.isEmpty();
    }

    /** The same envelope for a subset of recipients, e.g. the ones still to retry. */
    public Envelope withRecipients(List<Recipient> newRecipients) {
        return new Envelope(version, traceId, mailFrom, mailParameters, newRecipients,
                clientAddress, clientHelo, authenticatedUser, tls, receivedAt);
    }
}
