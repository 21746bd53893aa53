package io.postflow.relay.delivery;

import io.postflow.common.record.Envelope;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.relay.retry.RetryState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the processor writes, in memory; can be told to fail like a broker that is down. */
final class RecordingOutput implements RelayOutput {

    record Mail(Envelope envelope, byte[] message) {
    }

    record Retry(String tier, Envelope envelope, RetryState state) {
    }

    final List<Mail> delivered = new CopyOnWriteArrayList<>();
    final List<Mail> submitted = new CopyOnWriteArrayList<>();
    final List<Retry> retries = new CopyOnWriteArrayList<>();
    final List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
    volatile boolean brokerDown;

    private CompletionStage<Void> ack() {
        return brokerDown ? CompletableFuture.failedFuture(new IllegalStateException("broker down")) : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deliverLocal(Envelope envelope, byte[] message) {
        delivered.add(new Mail(envelope, message));
        return ack();
    }

    @Override
    public CompletionStage<Void> submit(Envelope envelope, byte[] message) {
        submitted.add(new Mail(envelope, message));
        return ack();
    }

    @Override
    public CompletionStage<Void> retry(String tier, Envelope envelope, byte[] message, RetryState state) {
        retries.add(new Retry(tier, envelope, state));
        return ack();
    }

    @Override
    public CompletionStage<Void> statuses(List<DeliveryStatus> list) {
        statuses.addAll(list);
        return ack();
    }
}
