package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpReply;
import java.util.Objects;

/**
 * What a command did: the reply to send, the state after it, and what the connection does once
 * the reply is written.
 */
public record Outcome(SmtpReply reply, SmtpState next, After after) {

    public enum After {
        /** Read the next command. */
        READ_ON,
        /** Close the connection (QUIT, 421). */
        CLOSE,
        /** Drop buffered plain text and start the TLS handshake (RFC 3207 §4). */
        START_TLS
    }

    public Outcome {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(after, "after");
    }

    public static Outcome of(SmtpReply reply, SmtpState next) {
        return new Outcome(reply, next, After.READ_ON);
    }

    public static Outcome closing(SmtpReply reply, SmtpState next) {
        return new Outcome(reply, next, After.CLOSE);
    }
}
