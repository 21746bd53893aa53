package io.postflow.gateway.mailbox;

/**
 * A refusal or failure of the internal API: {@code error} is its code (nonexistent,
 * already_exists, cannot, over_quota, throttled, authentication_failed, invalid_request,
 * changes_pruned), or
 * {@code unavailable} when there was no usable answer.
 */
public final class MailboxApiException extends RuntimeException {

    private final int status;
    private final String error;

    public MailboxApiException(int status, String error, String detail) {
        super(error + ": " + detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
