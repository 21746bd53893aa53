package io.postflow.common.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka mail record: the envelope (a header) and the raw RFC 5322 message (the value).
 *
 * <p>The message array is neither copied nor cloned: it can be 25 MiB, and a record is only a
 * carrier between a consumer and a producer. Treat it as read-only.
 */
public record MailRecord(Envelope envelope, byte[] message) {

    public MailRecord {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(message, "message");
    }

    /** Size of the message in octets. */
    public int size() {
        return message.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailRecord other
                && envelope.equals(other.envelope)
                && Arrays.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return 31 * envelope.hashCode() + Arrays.hashCode(message);
    }

    // Never the body: it is customer data and may be huge.
    @Override
    public String toString() {
        return "MailRecord[traceId=" + envelope.traceId() + ", recipients=" + envelope.recipients().size()
                + ", message=" + message.length + " bytes]";
    }
}
