package io.postflow.mailbox.domain.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;

/**
 * Slows down password guessing per (account, client address) pair, never per account, so nobody
 * can lock an owner out of their own account (NIST SP 800-63B §5.2.2 asks for rate limiting of
 * failed attempts; a lock-out would hand every stranger a denial of service).
 *
 * <p>After {@code maxFailures} failures within {@code window}, the pair is refused for
 * {@code initialDelay}. From then on it gets one attempt after each refusal, and a failure refuses
 * it again for twice as long as the time before, up to {@code maxDelay}. A success forgets the
 * pair.
 *
 * <p>A failure counts when the check has failed, not when it starts: a client opening several
 * connections at once (Thunderbird opens five, a benchmark eight) with the right password must
 * not be refused because its own logins are still being checked. Checks in flight per pair are
 * capped instead ({@code maxConcurrent}), so a burst of parallel guesses gets at most
 * {@code maxConcurrent} checks before its first failures are counted.
 *
 * <p>The state is in memory and per instance: with N instances behind a load balancer a pair gets
 * up to N times the attempts. It is bounded ({@code maxEntries}, least recently used evicted
 * first) and a pair is forgotten {@code window + maxDelay} after its last attempt.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The rules in ticker nanoseconds. */
    record Policy(int maxFailures, long windowNanos, long initialDelayNanos, long maxDelayNanos, int maxEntries,
                  int maxConcurrent) {

        static Policy of(LoginThrottleConfig config) {
            return new Policy(config.maxFailures(), config.window().toNanos(), config.initialDelay().toNanos(),
                    config.maxDelay().toNanos(), config.maxEntries(), config.maxConcurrent());
        }

        /** The length of the n-th refusal in a row (n >= 1): doubling, capped. */
        long delay(int n) {
            int doublings = n - 1;
            if (doublings >= Long.SIZE - 2 || initialDelayNanos > maxDelayNanos >> doublings) {
                return maxDelayNanos;
            }
            return initialDelayNanos << doublings;
        }
    }

    private record Pair(String account, String client) {
    }

    /**
     * @param failures     times of the failures within the window, oldest first, at most maxFailures
     * @param refusals     refusals in a row since the pair last succeeded (or was forgotten)
     * @param blockedUntil end of the current refusal, meaningful when {@code refusals > 0}
     * @param inFlight     checks started and not yet finished
     */
    private record Entry(long[] failures, int refusals, long blockedUntil, int inFlight) {

        static final Entry NONE = new Entry(new long[0], 0, 0, 0);

        Entry started() {
            return new Entry(failures, refusals, blockedUntil, inFlight + 1);
        }

        Entry finished() {
            return new Entry(failures, refusals, blockedUntil, Math.max(0, inFlight - 1));
        }

        /** Nanoseconds the pair is still refused for, or 0. */
        long refusedFor(long now) {
            return refusals > 0 && blockedUntil - now > 0 ? blockedUntil - now : 0; // nanoTime may wrap: compare differences
        }

        Entry failed(long now, Policy policy) {
            long[] recent = Arrays.stream(failures).filter(t -> now - t < policy.windowNanos()).toArray();
            long[] kept = Arrays.copyOfRange(recent, Math.max(0, recent.length + 1 - policy.maxFailures()), recent.length + 1);
            kept[kept.length - 1] = now;
            int running = Math.max(0, inFlight - 1);
            if (refusals == 0 && kept.length < policy.maxFailures()) {
                return new Entry(kept, 0, 0, running);
            }
            return new Entry(kept, refusals + 1, now + policy.delay(refusals + 1), running);
        }
    }

    /** What a refusal for too many checks in flight asks the client to wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Policy policy;
    private final Ticker ticker;
    private final Cache<Pair, Entry> entries;

    @Inject
    LoginThrottle(LoginThrottleConfig config) {
        this(Policy.of(config), Ticker.systemTicker());
    }

    LoginThrottle(Policy policy, Ticker ticker) {
        this.policy = policy;
        this.ticker = ticker;
        this.entries = Caffeine.newBuilder()
                .maximumSize(policy.maxEntries())
                .expireAfterWrite(Duration.ofNanos(policy.windowNanos() + policy.maxDelayNanos()))
                .ticker(ticker)
                .executor(Runnable::run) // eviction is cheap: no hop to the common pool
                .build();
    }

    /**
     * Starts a check of the pair, or refuses it. Each started check ends with exactly one of
     * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
     *
     * @throws LoginThrottled while the pair is refused, or has {@code maxConcurrent} checks in
     *                        flight; the attempt is then not counted
     */
    public void attempt(String account, String client) {
        long now = ticker.read();
        long[] refusedFor = {0};
        entries.asMap().compute(new Pair(account, client), (pair, entry) -> {
            Entry current = entry == null ? Entry.NONE : entry;
            refusedFor[0] = current.refusedFor(now);
            if (refusedFor[0] == 0 && current.inFlight() >= policy.maxConcurrent()) {
                refusedFor[0] = BUSY_RETRY.toNanos();
            }
            return refusedFor[0] > 0 ? current : current.started();
        });
        if (refusedFor[0] > 0) {
            throw new LoginThrottled(Duration.ofNanos(refusedFor[0]));
        }
    }

    /** The check failed (wrong password or no such account): counted, and maybe refused from now on. */
    public void failed(String account, String client) {
        long now = ticker.read();
        entries.asMap().compute(new Pair(account, client), (pair, entry) -> (entry == null ? Entry.NONE : entry).failed(now, policy));
    }

    /** The check could not be made (the database is away): neither a failure nor a success. */
    public void abandoned(String account, String client) {
        entries.asMap().computeIfPresent(new Pair(account, client), (pair, entry) -> entry.finished());
    }

    /** The check succeeded: the pair starts afresh. */
    public void succeeded(String account, String client) {
        entries.invalidate(new Pair(account, client));
    }
}
