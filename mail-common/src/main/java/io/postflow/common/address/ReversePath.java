package io.postflow.common.address;

import java.util.Objects;

/** The argument of {@code MAIL FROM}: the null path {@code <>} or a mailbox (RFC 5321 §4.1.2). */
public sealed interface ReversePath permits ReversePath.NullPath, ReversePath.Mailbox {

    /** The only null path. */
    NullPath NULL = new NullPath();

    /** The path as written on the wire, brackets included. */
    String path();

    /** The address text without brackets, "" for the null path: {@code Envelope.mailFrom()}. */
    String envelopeAddress();

    /** True for {@code <>}. */
    default boolean isNull() {
        return this instanceof NullPath;
    }

    /** {@code <>}: notifications, which must never cause another notification (RFC 5321 §4.5.5). */
    record NullPath() implements ReversePath {
        @Override
        public String path() {
            return "<>";
        }

        @Override
        public String envelopeAddress() {
            return "";
        }
    }

    /** A sender mailbox; any source route was dropped (RFC 5321 §4.1.2 / Appendix C). */
    record Mailbox(MailAddress address) implements ReversePath {
        public Mailbox {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String path() {
            return "<" + address + ">";
        }

        @Override
        public String envelopeAddress() {
            return address.toString();
        }
    }
}
