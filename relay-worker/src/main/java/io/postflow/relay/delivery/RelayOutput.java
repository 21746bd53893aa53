package io.postflow.relay.delivery;

import io.postflow.common.record.Envelope;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.relay.retry.RetryState;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where routing results go. Each stage completes once the broker acknowledged the record, so a
 * consumer commits its offset only after everything it caused is durable.
 */
public interface RelayOutput {

    /** One record to mailbox-service for all final local accounts (keyed by trace id). */
    CompletionStage<Void> deliverLocal(Envelope envelope, byte[] message);

    /** A message generated here (a DSN) enters the chain like any accepted message. */
    CompletionStage<Void> submit(Envelope envelope, byte[] message);

    /** The message again, for its pending recipients, in a retry tier. */
    CompletionStage<Void> retry(String tier, Envelope envelope, byte[] message, RetryState state);

    CompletionStage<Void> statuses(List<DeliveryStatus> statuses);
}
