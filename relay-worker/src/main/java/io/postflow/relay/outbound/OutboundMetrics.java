package io.postflow.relay.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/** Micrometer meters for remote delivery: attempts by result, recipients by outcome, sessions opened or reused. */
final class OutboundMetrics {

    private final MeterRegistry registry;

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void attempt(Timer.Sample sample, OutboundResult result) {
        String worst = result.outcomes().stream().map(RecipientOutcome::kind).max(Enum::compareTo)
                .map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse("none");
        sample.stop(registry.timer("postflow.relay.outbound.attempt", "result", worst));
        for (RecipientOutcome outcome : result.outcomes()) {
            registry.counter("postflow.relay.outbound.recipients", "outcome", outcome.kind().name().toLowerCase(Locale.ROOT))
                    .increment();
        }
    }

    /** {@code kind}: opened, reused, refused (a host that could not be used). */
    void session(String kind) {
        registry.counter("postflow.relay.outbound.sessions", "kind", kind).increment();
    }
}
