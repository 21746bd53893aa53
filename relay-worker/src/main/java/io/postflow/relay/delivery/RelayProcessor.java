package io.postflow.relay.delivery;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.relay.dsn.DsnBuilder;
import io.postflow.relay.outbound.OutboundRequest;
import io.postflow.relay.outbound.OutboundResult;
import io.postflow.relay.outbound.OutboundTransport;
import io.postflow.relay.outbound.RecipientOutcome.Kind;
import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.retry.RetryState;
import io.postflow.relay.routing.Router;
import io.postflow.relay.routing.RoutingPlan;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * One pass over one message: route every pending recipient, hand local accounts to
 * {@code mail.deliver} in one record, try each remote domain once through the
 * {@link OutboundTransport}, then record the outcome of every recipient ({@link OutcomeRecorder}).
 * The returned stage completes only when everything it produced is acknowledged by Kafka.
 */
public final class RelayProcessor {

    private static final Logger LOG = Logger.getLogger(RelayProcessor.class);

    private final Router router;
    private final OutboundTransport transport;
    private final RelayOutput output;
    private final OutcomeRecorder recorder;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final RelayMetrics metrics;
    private final Executor recording;

    /**
     * @param recording where outcomes are recorded: never an event loop nor a Kafka producer thread,
     *                  because composing a DSN costs CPU and {@code KafkaProducer.send} may block
     *                  (metadata, full buffer); the transport's futures complete on event loops
     */
    public RelayProcessor(Router router, OutboundTransport transport, RelayOutput output, DsnBuilder dsn,
                          RetrySchedule schedule, Clock clock, RelayMetrics metrics, Executor recording) {
        this.router = router;
        this.transport = transport;
        this.output = output;
        this.schedule = schedule;
        this.clock = clock;
        this.metrics = metrics;
        this.recording = recording;
        this.recorder = new OutcomeRecorder(output, dsn, schedule, metrics);
    }

    /** A record of {@code mail.accepted} ({@link RetryState#fresh()}) or a retry record that is due. */
    public CompletionStage<Void> process(Envelope envelope, byte[] message, RetryState state) {
        Instant now = clock.instant();
        if (state.attempts() > 0 && schedule.expired(envelope.receivedAt(), now)) {
            LOG.infof("%s: queue lifetime over, bouncing %d pending recipients", envelope.traceId(), envelope.recipients().size());
            return recorder.record(envelope, message, state, expired(envelope, state), now, true);
        }
        RoutingPlan plan = router.route(envelope, message);
        metrics.routed(plan.local().size(), plan.remote().values().stream().mapToInt(List::size).sum());
        List<CompletableFuture<List<Outcome>>> parts = new ArrayList<>();
        parts.add(CompletableFuture.completedFuture(unroutable(plan)));
        if (!plan.local().isEmpty()) {
            parts.add(output.deliverLocal(envelope.withRecipients(plan.local()), message)
                    .thenApply(ignored -> handedToStore(plan.local())).toCompletableFuture());
        }
        Buffer bytes = plan.remote().isEmpty() ? null : Buffer.buffer(message);
        plan.remote().forEach((domain, recipients) -> parts.add(remote(new OutboundRequest(envelope.traceId(), domain,
                envelope.mailFrom(), envelope.mailParameters(), recipients, bytes))));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenComposeAsync(ignored -> recorder.record(envelope, message, state,
                        parts.stream().flatMap(p -> p.join().stream()).toList(), clock.instant(), true), recording);
    }

    /**
     * mailbox-service reported a permanent local failure (unknown account, over quota past its retry
     * lifetime) for a message the relay had handed to {@code mail.deliver}: bounce that recipient.
     * mailbox-service already published the FAILED status, so none is published again.
     */
    public CompletionStage<Void> bounceLocalFailure(MailRecord delivered, DeliveryStatus failure) {
        Recipient recipient = delivered.envelope().recipients().stream()
                .filter(r -> r.address().equalsIgnoreCase(failure.recipient()))
                .findFirst().orElse(Recipient.of(failure.recipient()));
        Outcome outcome = new Outcome(recipient, Kind.PERMANENT, failure.status(),
                "X-Postflow; " + (failure.detail() != null ? failure.detail() : "local delivery failed")
                        + " (reported by " + failure.reporter() + ")", null, true);
        return recorder.record(delivered.envelope(), delivered.message(), RetryState.fresh(), List.of(outcome),
                clock.instant(), false);
    }

    private CompletableFuture<List<Outcome>> remote(OutboundRequest request) {
        CompletableFuture<OutboundResult> attempt;
        try {
            attempt = transport.deliver(request).toCompletionStage().toCompletableFuture();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((result, failure) -> {
            if (failure != null) {
                // The transport promises a result per recipient; a broken promise must not lose mail.
                LOG.errorf(failure, "%s: transport failed for %s; will retry", request.traceId(), request.domain());
                return temporaryAll(request.recipients(), "X-Postflow; delivery attempt failed: " + failure);
            }
            List<Outcome> outcomes = new ArrayList<>();
            result.outcomes().forEach(o -> outcomes.add(Outcome.of(o)));
            // Recipients the transport forgot to answer for are tried again, never dropped.
            request.recipients().stream()
                    .filter(r -> result.outcomes().stream().noneMatch(o -> o.recipient().address().equals(r.address())))
                    .forEach(r -> outcomes.add(new Outcome(r, Kind.TEMPORARY, "4.4.0",
                            "X-Postflow; no outcome from the transport", null, false)));
            return outcomes;
        });
    }

    private static List<Outcome> temporaryAll(List<Recipient> recipients, String diagnostic) {
        return recipients.stream().map(r -> new Outcome(r, Kind.TEMPORARY, "4.4.0", diagnostic, null, false)).toList();
    }

    private static List<Outcome> unroutable(RoutingPlan plan) {
        return plan.unroutable().stream().map(u -> new Outcome(u.recipient(),
                u.reason().permanent() ? Kind.PERMANENT : Kind.TEMPORARY, u.reason().status(), u.reason().diagnostic(),
                null, true)).toList();
    }

    private static List<Outcome> handedToStore(List<Recipient> accounts) {
        return accounts.stream().map(r -> new Outcome(r, Kind.DELIVERED, "2.0.0",
                "X-Postflow; handed to the local mail store", null, true)).toList();
    }

    /** The pending recipients of an expired retry record, with the last failure each had. */
    private static List<Outcome> expired(Envelope envelope, RetryState state) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Recipient r : envelope.recipients()) {
            RetryState.LastFailure last = state.lastFailures().get(r.address());
            outcomes.add(last == null
                    ? new Outcome(r, Kind.TEMPORARY, "4.4.7", "X-Postflow; delivery time expired", null, false)
                    : new Outcome(r, Kind.TEMPORARY, last.status(), last.diagnostic(), last.remoteMta(), false));
        }
        return outcomes;
    }
}
