package io.postflow.common.event;

/** A {@code mailbox.events} value this code cannot read. */
public class MailboxEventFormatException extends RuntimeException {

    public MailboxEventFormatException(String message) {
        super(message);
    }
}
