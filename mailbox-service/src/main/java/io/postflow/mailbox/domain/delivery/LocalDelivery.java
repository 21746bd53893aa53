package io.postflow.mailbox.domain.delivery;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatus.Outcome;
import io.postflow.mailbox.domain.delivery.StoreResult.StoredEntry;
import io.postflow.mailbox.domain.events.MailboxEvents;
import io.postflow.mailbox.domain.message.MessageAnalyzer;
import io.postflow.mailbox.persistence.DeliveryStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Final delivery of a batch of requests into INBOXes: prepares each distinct message once (hash and
 * MIME analysis, off the event loop), stores the batch in one transaction, then reports — one
 * status per account on {@code mail.status}, one event per touched mailbox on {@code mailbox.events},
 * and over-quota requests handed back for a later attempt. A request delivered before is reported
 * again, never stored again, so a redelivered record repairs reports lost in a crash.
 */
@ApplicationScoped
public class LocalDelivery {

    static final String REPORTER = "mailbox-service";

    private final DeliveryStore store;
    private final MessageAnalyzer analyzer;
    private final DeliveryOutcomes outcomes;
    private final MailboxEvents events;
    private final DeliveryConfig config;

    public LocalDelivery(DeliveryStore store, MessageAnalyzer analyzer, DeliveryOutcomes outcomes, MailboxEvents events,
                         DeliveryConfig config) {
        this.store = store;
        this.analyzer = analyzer;
        this.outcomes = outcomes;
        this.events = events;
        this.config = config;
    }

    public Uni<Void> deliver(List<DeliveryRequest> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> prepare(requests))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(prepared -> store.store(requests, prepared))
                .chain(this::report);
    }

    /** Hash and analysis once per message, however many accounts it goes to. */
    private Map<byte[], PreparedMessage> prepare(List<DeliveryRequest> requests) {
        Map<byte[], PreparedMessage> prepared = new IdentityHashMap<>();
        for (DeliveryRequest request : requests) {
            prepared.computeIfAbsent(request.message(),
                    m -> new PreparedMessage(m, PreparedMessage.sha256(m), analyzer.analyze(m)));
        }
        return prepared;
    }

    private Uni<Void> report(StoreResult result) {
        Instant now = Instant.now();
        List<DeliveryStatus> statuses = new ArrayList<>();
        List<Uni<Void>> retries = new ArrayList<>();
        result.stored().forEach(e -> statuses.add(status(e.request(), Outcome.DELIVERED, "2.0.0", null, now)));
        result.duplicates().forEach(e -> statuses.add(status(e.request(), Outcome.DELIVERED, "2.0.0", "delivered before", now)));
        result.unknown().forEach(r -> statuses.add(status(r, Outcome.FAILED, "5.1.1", "no such account", now)));
        for (DeliveryRequest request : result.overQuota()) {
            Duration age = Duration.between(request.envelope().receivedAt(), now);
            if (age.compareTo(config.retryLifetime()) >= 0) {
                statuses.add(status(request, Outcome.FAILED, "5.2.2", "mailbox full for " + age.toHours() + " hours", now));
            } else {
                statuses.add(status(request, Outcome.DEFERRED, "4.2.2", "mailbox full", now));
                retries.add(outcomes.retryLater(request, age));
            }
        }
        List<StoredEntry> touched = new ArrayList<>(result.stored());
        result.duplicates().stream().filter(e -> e.uidNext() > 0).forEach(touched::add);
        // Retries first: a DEFERRED status must never be visible for a request that was not kept.
        return Uni.join().all(retries.isEmpty() ? List.of(Uni.createFrom().voidItem()) : retries).andFailFast()
                .chain(() -> Uni.join().all(events.publish(events(touched)), outcomes.statuses(statuses)).andFailFast())
                .replaceWithVoid();
    }

    private static DeliveryStatus status(DeliveryRequest r, Outcome outcome, String code, String detail, Instant at) {
        return new DeliveryStatus(r.traceId(), r.recipient().address(), outcome, code, detail, REPORTER, at);
    }

    /** One EXISTS event per mailbox, carrying every new UID of this batch. */
    static List<MailboxEvent> events(List<StoredEntry> entries) {
        Map<Long, List<StoredEntry>> byMailbox = new TreeMap<>();
        entries.forEach(e -> byMailbox.computeIfAbsent(e.mailboxId(), k -> new ArrayList<>()).add(e));
        List<MailboxEvent> events = new ArrayList<>();
        byMailbox.forEach((mailbox, group) -> events.add(new MailboxEvent(mailbox,
                group.get(0).request().recipient().address(), MailboxEvent.Type.EXISTS,
                group.stream().mapToLong(StoredEntry::modseq).max().orElseThrow(),
                group.stream().mapToLong(StoredEntry::uidNext).max().orElseThrow(),
                group.stream().map(StoredEntry::uid).sorted().toList())));
        return events;
    }
}
