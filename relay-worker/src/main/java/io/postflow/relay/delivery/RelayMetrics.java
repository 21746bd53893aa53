package io.postflow.relay.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The relay's counters: recipients routed (by destination), deferred and bounced, DSNs sent. */
public final class RelayMetrics {

    private final Counter routedLocal;
    private final Counter routedRemote;
    private final Counter deferred;
    private final Counter bounced;
    private final Counter dsns;

    public RelayMetrics(MeterRegistry registry) {
        routedLocal = Counter.builder("postflow.relay.routed").tag("destination", "local")
                .description("recipients routed").register(registry);
        routedRemote = Counter.builder("postflow.relay.routed").tag("destination", "remote")
                .description("recipients routed").register(registry);
        deferred = Counter.builder("postflow.relay.deferred").description("recipients put on a retry tier").register(registry);
        bounced = Counter.builder("postflow.relay.bounced").description("recipients failed permanently or expired").register(registry);
        dsns = Counter.builder("postflow.relay.dsn").description("delivery status notifications generated").register(registry);
    }

    void routed(int local, int remote) {
        routedLocal.increment(local);
        routedRemote.increment(remote);
    }

    void deferred(int n) {
        deferred.increment(n);
    }

    void bounced(int n) {
        bounced.increment(n);
    }

    void dsn() {
        dsns.increment();
    }
}
