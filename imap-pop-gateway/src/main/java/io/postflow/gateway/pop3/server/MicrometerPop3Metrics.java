package io.postflow.gateway.pop3.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.postflow.gateway.pop3.session.Pop3Metrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * POP3 counters: {@code postflow.pop3.sessions{tls}}, {@code postflow.pop3.commands{command,outcome}},
 * {@code postflow.pop3.auth.failures}, {@code postflow.pop3.retrieved.bytes},
 * {@code postflow.pop3.deleted.messages}, and the gauge {@code postflow.pop3.connections}.
 */
@ApplicationScoped
public class MicrometerPop3Metrics implements Pop3Metrics {

    private final MeterRegistry registry;
    private final Counter authFailures;
    private final Counter retrieved;
    private final Counter deleted;

    public MicrometerPop3Metrics(MeterRegistry registry, ConnectionCounts counts) {
        this.registry = registry;
        this.authFailures = registry.counter("postflow.pop3.auth.failures");
        this.retrieved = registry.counter("postflow.pop3.retrieved.bytes");
        this.deleted = registry.counter("postflow.pop3.deleted.messages");
        registry.gauge("postflow.pop3.connections", counts, ConnectionCounts::open);
    }

    @Override
    public void sessionOpened(boolean implicitTls) {
        registry.counter("postflow.pop3.sessions", "tls", implicitTls ? "implicit" : "none").increment();
    }

    @Override
    public void command(String keyword, boolean ok) {
        registry.counter("postflow.pop3.commands", "command", keyword, "outcome", ok ? "ok" : "err").increment();
    }

    @Override
    public void authFailure() {
        authFailures.increment();
    }

    @Override
    public void retrieved(long octets) {
        retrieved.increment(octets);
    }

    @Override
    public void deleted(int messages) {
        deleted.increment(messages);
    }
}
