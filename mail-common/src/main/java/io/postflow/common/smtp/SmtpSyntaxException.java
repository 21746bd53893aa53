package io.postflow.common.smtp;

/** A command line the decoder refuses, with the reply that says why (no stack trace: expected). */
public class SmtpSyntaxException extends RuntimeException {

    private final SmtpReply reply;

    public SmtpSyntaxException(SmtpReply reply) {
        super(reply.lines().get(0), null, false, false);
        this.reply = reply;
    }

    static SmtpSyntaxException of(int code, String status, String text) {
        return new SmtpSyntaxException(SmtpReply.of(code, status, text));
    }

    public SmtpReply reply() {
        return reply;
    }
}
