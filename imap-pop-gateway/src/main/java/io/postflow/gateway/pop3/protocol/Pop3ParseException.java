package io.postflow.gateway.pop3.protocol;

/** A line that is no valid command: answered with {@code -ERR} and the reason, and the session goes on. */
public final class Pop3ParseException extends Exception {

    public Pop3ParseException(String message) {
        super(message, null, false, false);
    }
}
