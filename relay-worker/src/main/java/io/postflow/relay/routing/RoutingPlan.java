package io.postflow.relay.routing;

import io.postflow.common.record.Recipient;
import java.util.List;
import java.util.Map;

/**
 * Where the recipients of one message go.
 *
 * @param local      final local accounts, each once, carrying the DSN parameters of the recipient
 *                   that led to it; all of them travel in ONE {@code mail.deliver} record
 * @param remote     remote recipients grouped by destination domain (ASCII), in first-seen order
 * @param unroutable recipients that cannot be routed, with the reason
 */
public record RoutingPlan(List<Recipient> local, Map<String, List<Recipient>> remote, List<Unrouted> unroutable) {

    public RoutingPlan {
        local = List.copyOf(local);
        remote = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(remote));
        unroutable = List.copyOf(unroutable);
    }

    /** A recipient as given in the envelope, and why it cannot be routed. */
    public record Unrouted(Recipient recipient, Destination.Unroutable reason) {
    }
}
