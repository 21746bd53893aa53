package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpReply;

/**
 * A handler's refusal: the session answers with {@link #reply()} and keeps its state. Expected,
 * so it has no stack trace; the session maps it to the reply in one place.
 */
public final class SmtpRejection extends RuntimeException {

    private final SmtpReply reply;

    public SmtpRejection(SmtpReply reply) {
        super(reply.lines().get(0), null, false, false);
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
