package io.postflow.common.record;

/**
 * An envelope header that cannot be decoded: not JSON, a required field missing or of the wrong
 * type, or a newer format version. The record goes to {@link Topics#MAIL_DEADLETTER}; retrying it
 * cannot help.
 */
public final class EnvelopeFormatException extends RuntimeException {

    public EnvelopeFormatException(String message) {
        super(message);
    }

    public EnvelopeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
