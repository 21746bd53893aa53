package io.postflow.relay.smtp;

import io.postflow.common.smtp.SmtpReply;

/**
 * A host could not be used for this message (connection refused, greeting 4xx/554, EHLO and HELO
 * refused): the next MX is tried (RFC 5321 §5.1).
 *
 * @param reply the server's reply, or null when there was none (network error, timeout)
 */
public final class HostRefusal extends RuntimeException {

    private final transient SmtpReply reply;

    public HostRefusal(String message, SmtpReply reply) {
        super(message, null, false, false);
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
