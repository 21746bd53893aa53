package io.postflow.common.status;

/** A {@code mail.status} value this code cannot read. */
public class DeliveryStatusFormatException extends RuntimeException {

    public DeliveryStatusFormatException(String message) {
        super(message);
    }
}
