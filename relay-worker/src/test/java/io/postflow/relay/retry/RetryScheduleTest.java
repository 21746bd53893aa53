package io.postflow.relay.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));
    private final RetrySchedule schedule = new RetrySchedule(DELAYS, List.of("1m", "10m", "10m", "1h", "1h", "6h"),
            Duration.ofDays(5), Duration.ofHours(4));
    private final Instant t0 = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void nthFailureWaitsInTheNthTierAndTheLastRepeats() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50).stream().map(schedule::tierFor).toList()).containsExactly(
                "mail.retry.1m", "mail.retry.10m", "mail.retry.10m", "mail.retry.1h", "mail.retry.1h",
                "mail.retry.6h", "mail.retry.6h", "mail.retry.6h");
    }

    @Test
    void dueTimeIsTheTierDelayAfterWriting() {
        assertThat(schedule.dueAt("mail.retry.1m", t0)).isEqualTo(t0.plusSeconds(60));
        assertThat(schedule.dueAt("mail.retry.6h", t0)).isEqualTo(t0.plus(Duration.ofHours(6)));
        assertThatThrownBy(() -> schedule.delayOf("mail.accepted")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiryAndDelayNoticeAreInclusiveBoundaries() {
        assertThat(schedule.expiresAt(t0)).isEqualTo(t0.plus(Duration.ofDays(5)));
        assertThat(schedule.expired(t0, t0.plus(Duration.ofDays(5)).minusMillis(1))).isFalse();
        assertThat(schedule.expired(t0, t0.plus(Duration.ofDays(5)))).isTrue();
        assertThat(schedule.delayNoticeDue(t0, t0.plus(Duration.ofHours(4)).minusMillis(1))).isFalse();
        assertThat(schedule.delayNoticeDue(t0, t0.plus(Duration.ofHours(4)))).isTrue();
    }

    @Test
    void totalWaitOfTheDefaultScheduleFitsTheLifetime() {
        Duration total = Duration.ZERO;
        Instant at = t0;
        for (int attempt = 1; !schedule.expired(t0, at); attempt++) {
            at = schedule.dueAt(schedule.tierFor(attempt), at);
            total = Duration.between(t0, at);
        }
        // 1m + 2×10m + 2×1h + 6h steps: the first 6-hour wait starts after 2h21m.
        assertThat(total).isGreaterThanOrEqualTo(Duration.ofDays(5)).isLessThan(Duration.ofDays(5).plusHours(6));
    }

    @Test
    void badConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new RetrySchedule(DELAYS.subList(0, 3), List.of("1m"), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("needs 4 durations");
        assertThatThrownBy(() -> new RetrySchedule(DELAYS, List.of("2m"), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("unknown retry tier '2m'");
        assertThatThrownBy(() -> new RetrySchedule(DELAYS, List.of(), Duration.ofDays(1), Duration.ofHours(1)))
                .hasMessageContaining("at least one tier");
    }

    @Test
    void stateHeaderRoundTrips() {
        RetryState state = new RetryState(3, t0, Set.of("b@x.test", "a@x.test"),
                Map.of("a@x.test", new RetryState.LastFailure("4.4.1", "X-Postflow; refused", null),
                        "b@x.test", new RetryState.LastFailure("4.2.0", "smtp; 451 4.2.0 later", "mx.x.test")));
        assertThat(RetryStateCodec.decode(RetryStateCodec.encode(state))).isEqualTo(state);
        assertThatThrownBy(() -> RetryStateCodec.decode("{\"version\":2,\"attempts\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
