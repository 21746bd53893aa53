package io.postflow.mailbox.support;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.TraceIds;
import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.postflow.mailbox.domain.delivery.LocalDelivery;
import io.postflow.mailbox.domain.delivery.TracePrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Final delivery straight through {@link LocalDelivery}, as the mail.deliver consumer does it. */
public final class Deliveries {

    public static final String SENDER = "alice@remote.test";

    private Deliveries() {
    }

    /** Delivers one message to one account's INBOX and waits for the commit. */
    public static void deliver(LocalDelivery delivery, String account, byte[] message) {
        delivery.deliver(List.of(request(account, message))).await().atMost(Duration.ofSeconds(20));
    }

    public static DeliveryRequest request(String account, byte[] message) {
        Envelope envelope = new Envelope(1, TraceIds.newTraceId(), SENDER, MailParameters.NONE, List.of(Recipient.of(account)),
                "192.0.2.1", "client.example", null, null, Instant.now());
        return new DeliveryRequest(envelope, envelope.recipients().get(0), message);
    }

    /** The trace prefix delivery puts above a message for this account. */
    public static byte[] prefix(String account) {
        return TracePrefix.of(SENDER, account);
    }
}
