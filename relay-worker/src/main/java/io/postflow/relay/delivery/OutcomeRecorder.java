package io.postflow.relay.delivery;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.relay.dsn.DsnAction;
import io.postflow.relay.dsn.DsnBuilder;
import io.postflow.relay.dsn.DsnRecipient;
import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.retry.RetryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Turns the outcomes of one pass into durable records: the pending recipients to a retry tier,
 * DSNs (failed, delayed, success as NOTIFY asks) to {@code mail.accepted}, one status per
 * recipient to {@code mail.status}. Statuses go last, so a DEFERRED status is never visible for a
 * retry record that was not kept.
 */
final class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    static final String REPORTER = "relay-worker";

    private final RelayOutput output;
    private final DsnBuilder dsn;
    private final RetrySchedule schedule;
    private final RelayMetrics metrics;

    OutcomeRecorder(RelayOutput output, DsnBuilder dsn, RetrySchedule schedule, RelayMetrics metrics) {
        this.output = output;
        this.dsn = dsn;
        this.schedule = schedule;
        this.metrics = metrics;
    }

    CompletionStage<Void> record(Envelope envelope, byte[] message, RetryState state, List<Outcome> outcomes,
                                 Instant now, boolean publishStatuses) {
        boolean expired = schedule.expired(envelope.receivedAt(), now);
        List<DeliveryStatus> statuses = new ArrayList<>();
        List<DsnRecipient> failed = new ArrayList<>();
        List<DsnRecipient> delayed = new ArrayList<>();
        List<DsnRecipient> succeeded = new ArrayList<>();
        List<Recipient> pending = new ArrayList<>();
        Map<String, RetryState.LastFailure> lastFailures = new HashMap<>();
        Set<String> delayNotified = new HashSet<>(state.delayNotified());
        for (Outcome o : outcomes) {
            Recipient r = o.recipient();
            switch (o.kind()) {
                case DELIVERED -> {
                    if (!o.local()) {
                        statuses.add(status(envelope, r, DeliveryStatus.Outcome.DELIVERED, o.status(), o.diagnostic(), now));
                    }
                    if (NotifyPolicy.onSuccess(r)) {
                        succeeded.add(dsnRecipient(o, o.local() ? DsnAction.DELIVERED : DsnAction.RELAYED, o.status(), now, null));
                    }
                }
                case PERMANENT -> {
                    statuses.add(status(envelope, r, DeliveryStatus.Outcome.FAILED, o.status(), o.diagnostic(), now));
                    metrics.bounced(1);
                    if (NotifyPolicy.onFailure(r)) {
                        failed.add(dsnRecipient(o, DsnAction.FAILED, o.status(), now, null));
                    }
                }
                case TEMPORARY -> {
                    if (expired) {
                        // RFC 3463 X.4.7: delivery time expired; mail.status needs a 5.x.x for FAILED.
                        statuses.add(status(envelope, r, DeliveryStatus.Outcome.FAILED, "5.4.7",
                                "queue lifetime expired; last attempt: " + o.diagnostic(), now));
                        metrics.bounced(1);
                        if (NotifyPolicy.onFailure(r)) {
                            failed.add(dsnRecipient(o, DsnAction.FAILED, "4.4.7", now, null));
                        }
                    } else {
                        pending.add(r);
                        lastFailures.put(r.address(), new RetryState.LastFailure(o.status(), o.diagnostic(), o.remoteMta()));
                        statuses.add(status(envelope, r, DeliveryStatus.Outcome.DEFERRED, o.status(), o.diagnostic(), now));
                        if (NotifyPolicy.onDelay(r) && !delayNotified.contains(r.address())
                                && schedule.delayNoticeDue(envelope.receivedAt(), now)) {
                            delayed.add(dsnRecipient(o, DsnAction.DELAYED, o.status(), now,
                                    schedule.expiresAt(envelope.receivedAt())));
                            delayNotified.add(r.address());
                        }
                    }
                }
            }
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        if (!pending.isEmpty()) {
            int attempts = state.attempts() + 1;
            String tier = schedule.tierFor(attempts);
            delayNotified.retainAll(pending.stream().map(Recipient::address).toList());
            RetryState next = new RetryState(attempts, schedule.dueAt(tier, now), delayNotified, lastFailures);
            metrics.deferred(pending.size());
            LOG.infof("%s: %d recipients deferred to %s (attempt %d)", envelope.traceId(), pending.size(), tier, attempts);
            sends.add(output.retry(tier, envelope.withRecipients(pending), message, next).toCompletableFuture());
        }
        for (List<DsnRecipient> report : List.of(failed, delayed, succeeded)) {
            if (!report.isEmpty()) {
                sends.add(notify(envelope, message, report, now));
            }
        }
        CompletableFuture<Void> kept = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        if (!publishStatuses || statuses.isEmpty()) {
            return kept;
        }
        return kept.thenCompose(ignored -> output.statuses(statuses));
    }

    private CompletableFuture<Void> notify(Envelope envelope, byte[] message, List<DsnRecipient> report, Instant now) {
        if (envelope.isNullSender()) {
            // RFC 5321 §4.5.5 / RFC 3461 §6.2: a message from <> never causes a DSN.
            LOG.warnf("%s: %s for %s of a message from <>; no DSN is sent", envelope.traceId(), report.get(0).action().field(),
                    report.stream().map(DsnRecipient::finalRecipient).toList());
            return CompletableFuture.completedFuture(null);
        }
        MailRecord notice = dsn.build(envelope, message, report, now);
        metrics.dsn();
        LOG.infof("%s: %s DSN %s to <%s> for %d recipients", envelope.traceId(), report.get(0).action().field(),
                notice.envelope().traceId(), envelope.mailFrom(), report.size());
        return output.submit(notice.envelope(), notice.message()).toCompletableFuture();
    }

    private static DsnRecipient dsnRecipient(Outcome o, DsnAction action, String status, Instant now, Instant retryUntil) {
        return new DsnRecipient(o.recipient().address(), o.recipient().orcpt(), action, status, o.diagnostic(),
                o.remoteMta(), now, retryUntil);
    }

    private static DeliveryStatus status(Envelope envelope, Recipient r, DeliveryStatus.Outcome outcome, String status,
                                         String detail, Instant now) {
        return new DeliveryStatus(envelope.traceId(), r.address(), outcome, status, detail, REPORTER, now);
    }
}
