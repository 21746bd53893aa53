package io.postflow.relay.smtp;

/**
 * The connection to a remote server broke: it closed, timed out, or sent something that is not
 * SMTP. Whatever was not settled by then is a temporary failure (RFC 5321 §4.5.3.2: a timeout
 * means the client should retry).
 */
public final class SmtpClientException extends RuntimeException {

    private final String status;

    public SmtpClientException(String status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The RFC 3463 status to report, e.g. {@code 4.4.2} bad connection, {@code 4.4.7} timeout. */
    public String status() {
        return status;
    }
}
