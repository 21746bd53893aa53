package io.postflow.common.address;

/**
 * A mail address, domain or path that is not valid. The message is a short reason that never
 * echoes the input, so it is safe to put into an SMTP reply or a log line.
 */
public final class AddressException extends IllegalArgumentException {

    public AddressException(String reason) {
        super(reason);
    }

    /** The short reason, e.g. "domain label too long". */
    public String reason() {
        return getMessage();
    }
}
