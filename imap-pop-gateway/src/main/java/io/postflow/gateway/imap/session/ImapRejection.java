package io.postflow.gateway.imap.session;

/** A handler's refusal; the session answers it as the command's tagged response. */
public final class ImapRejection extends RuntimeException {

    private final Tagged reply;

    public ImapRejection(Tagged reply) {
        super(reply.line(), null, false, false);
        this.reply = reply;
    }

    public Tagged reply() {
        return reply;
    }
}
