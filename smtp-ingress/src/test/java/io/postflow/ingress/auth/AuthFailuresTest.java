package io.postflow.ingress.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthFailuresTest {

    private final SteppingClock clock = new SteppingClock();
    private final AuthFailures failures = new AuthFailures(clock, Duration.ofMinutes(15), 3);

    @Test
    void failuresAddUpPerAddressAcrossConnections() {
        assertEquals(1, failures.failed("192.0.2.1"));
        assertEquals(2, failures.failed("192.0.2.1"));
        assertEquals(1, failures.failed("192.0.2.2"));
        assertEquals(2, failures.recent("192.0.2.1"));
        assertEquals(0, failures.recent("192.0.2.3"));
    }

    @Test
    void eachFailureExtendsTheWindowAndQuietForgets() {
        failures.failed("192.0.2.1");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(2, failures.failed("192.0.2.1"));
        clock.advance(Duration.ofMinutes(14));
        assertEquals(2, failures.recent("192.0.2.1"), "still within 15 minutes of the last failure");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, failures.recent("192.0.2.1"));
        assertEquals(1, failures.failed("192.0.2.1"), "a new window starts");
    }

    @Test
    void successClearsTheAddress() {
        failures.failed("192.0.2.1");
        failures.failed("192.0.2.1");
        failures.succeeded("192.0.2.1");
        assertEquals(0, failures.recent("192.0.2.1"));
    }

    @Test
    void theTableIsBoundedAndMakesRoomByForgettingExpiredAddresses() {
        failures.failed("192.0.2.1");
        failures.failed("192.0.2.2");
        failures.failed("192.0.2.3");
        assertEquals(1, failures.failed("192.0.2.4"), "not tracked while full");
        assertEquals(3, failures.tracked());
        assertEquals(0, failures.recent("192.0.2.4"));

        clock.advance(Duration.ofMinutes(16));
        assertEquals(1, failures.failed("192.0.2.4"));
        assertEquals(1, failures.tracked(), "the expired entries made room");
        assertEquals(2, failures.failed("192.0.2.4"));
    }

    /** A clock the test moves by hand. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
