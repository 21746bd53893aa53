package io.postflow.mailbox.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves. */
class InternalLoginThrottleTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    /** Starts far from zero and near the wrap-around of nanoTime, which the throttle must survive. */
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 30 * MINUTE);
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(5, 15 * MINUTE, MINUTE, 15 * MINUTE, 1000, 16), now::get);

    @Test
    void fiveAttemptsPassTheSixthIsRefusedForTheInitialDelay() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(1));
        advance(MINUTE / 2);
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachFurtherFailureAtTheLimitDoublesTheRefusalUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        long[] expectedMinutes = {2, 4, 8, 15, 15};
        long wait = MINUTE;
        for (long expected : expectedMinutes) {
            advance(wait);
            attempt("a", "c"); // allowed once the refusal is over, and counted as the next failure
            assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(expected));
            wait = expected * MINUTE;
        }
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            attempt("a", "c");
        }
        advance(15 * MINUTE);
        attempt("a", "c");
        attempt("a", "c");
        assertThatCode(() -> attempt("a", "c")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgetsThePair() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        throttle.succeeded("a", "c");
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(1)); // back to the first step, not doubled
    }

    @Test
    void pairsAreIndependent() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        assertThat(refusal("a", "c")).isPositive();
        assertThatCode(() -> attempt("a", "other client")).doesNotThrowAnyException();
        assertThatCode(() -> attempt("other account", "c")).doesNotThrowAnyException();
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        for (int i = 0; i < 10; i++) {
            refusal("a", "c");
        }
        advance(MINUTE);
        attempt("a", "c");
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(2)); // the second refusal, not the twelfth
    }

    @Test
    void aForgottenPairStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            attempt("a", "c");
        }
        advance(31 * MINUTE); // window + maxDelay after the last attempt
        for (int i = 0; i < 4; i++) {
            attempt("a", "c");
        }
        assertThatCode(() -> attempt("a", "c")).doesNotThrowAnyException();
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(1));
    }

    /** One failed login: the check starts, then fails. */
    private void attempt(String account, String client) {
        throttle.attempt(account, client);
        throttle.failed(account, client);
    }

    @Test
    void parallelLoginsWithTheRightPasswordAreNotRefusedWhileTheyAreChecked() {
        for (int i = 0; i < 16; i++) {
            throttle.attempt("a", "c"); // a client opening many connections at once
        }
        assertThat(refusal("a", "c")).as("the 17th in flight").isEqualTo(LoginThrottle.BUSY_RETRY);
        throttle.succeeded("a", "c");
        assertThatCode(() -> throttle.attempt("a", "c")).doesNotThrowAnyException();
    }

    @Test
    void failuresCountWhenTheyHappenAndAbandonedChecksNotAtAll() {
        for (int i = 0; i < 10; i++) {
            throttle.attempt("a", "c");
        }
        for (int i = 0; i < 6; i++) {
            throttle.abandoned("a", "c"); // the database was away
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed("a", "c");
        }
        assertThatCode(() -> throttle.attempt("a", "c")).as("4 failures, under the limit").doesNotThrowAnyException();
        throttle.failed("a", "c");
        assertThat(refusal("a", "c")).isEqualTo(Duration.ofMinutes(1));
    }

    private Duration refusal(String account, String client) {
        LoginThrottled refused = catchThrowableOfType(LoginThrottled.class, () -> throttle.attempt(account, client));
        assertThat(refused).as("attempt refused").isNotNull();
        assertThat(refused.code()).isEqualTo(MailRejection.Code.THROTTLED);
        return refused.retryAfter();
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
