package io.postflow.mailbox.domain.delivery;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.Recipient;

/**
 * One message for one final local account, as taken from a {@code mail.deliver} record (whose
 * recipients relay-worker already expanded to accounts).
 *
 * @param envelope  the record's envelope
 * @param recipient the account this request is for, with its DSN parameters
 * @param message   the bytes as accepted, shared by the requests of the same record
 */
public record DeliveryRequest(Envelope envelope, Recipient recipient, byte[] message) {

    public String traceId() {
        return envelope.traceId();
    }
}
