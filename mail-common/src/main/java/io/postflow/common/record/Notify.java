package io.postflow.common.record;

/**
 * Values of the DSN {@code NOTIFY} RCPT parameter (RFC 3461 §4.1). An empty set means the client
 * did not give the parameter, which is not the same as {@link #NEVER}.
 */
public enum Notify {
    NEVER, SUCCESS, FAILURE, DELAY
}
