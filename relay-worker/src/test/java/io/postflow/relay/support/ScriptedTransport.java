package io.postflow.relay.support;

import io.postflow.common.record.Recipient;
import io.postflow.relay.outbound.OutboundRequest;
import io.postflow.relay.outbound.OutboundResult;
import io.postflow.relay.outbound.OutboundTransport;
import io.postflow.relay.outbound.RecipientOutcome;
import io.quarkus.arc.Unremovable;
import io.vertx.core.Future;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The remote side for the routing tests (test scope only): records every request and answers each
 * recipient as the test scripted it, by address; unscripted recipients are delivered ({@code 250}).
 * It replaces the SMTP transport in this module's {@code @QuarkusTest}s, which test routing,
 * retries and bounces; the SMTP transport has its own tests against a DNS responder and SMTP sinks.
 */
@Singleton
@Alternative
@Priority(1)
@Unremovable
public class ScriptedTransport implements OutboundTransport {

    private final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Recipient, RecipientOutcome>> script = new ConcurrentHashMap<>();

    @Override
    public Future<OutboundResult> deliver(OutboundRequest request) {
        requests.add(request);
        return Future.succeededFuture(new OutboundResult(request.recipients().stream()
                .map(r -> script.getOrDefault(r.address().toLowerCase(java.util.Locale.ROOT), ScriptedTransport::delivered).apply(r))
                .toList()));
    }

    /** From now on, answers {@code address} with {@code answer}. */
    public void answer(String address, Function<Recipient, RecipientOutcome> answer) {
        script.put(address.toLowerCase(java.util.Locale.ROOT), answer);
    }

    public List<OutboundRequest> requests() {
        return List.copyOf(requests);
    }

    public List<OutboundRequest> requestsFor(String traceId) {
        return requests.stream().filter(r -> r.traceId().equals(traceId)).toList();
    }

    public static RecipientOutcome delivered(Recipient r) {
        return new RecipientOutcome(r, RecipientOutcome.Kind.DELIVERED, "2.0.0", "smtp; 250 2.0.0 queued as 4711", "mx1.sink.test");
    }

    public static Function<Recipient, RecipientOutcome> temporary(String status, String text) {
        return r -> new RecipientOutcome(r, RecipientOutcome.Kind.TEMPORARY, status, "smtp; " + text, "mx1.sink.test");
    }

    public static Function<Recipient, RecipientOutcome> permanent(String status, String text) {
        return r -> new RecipientOutcome(r, RecipientOutcome.Kind.PERMANENT, status, "smtp; " + text, "mx1.sink.test");
    }
}
