package io.postflow.relay.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the system clock in @QuarkusTest runs with one the tests can move. */
@Singleton
public class TestClockProducer {

    private final MovableClock clock = new MovableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    @Typed(MovableClock.class)
    MovableClock movableClock() {
        return clock;
    }
}
