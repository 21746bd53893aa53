package io.postflow.mailbox.domain.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Throttling of password checks per (account, client address) pair ({@code postflow.auth.throttle.*}).
 * Never a lock of the account: an attacker elsewhere cannot keep its owner out.
 */
@ConfigMapping(prefix = "postflow.auth.throttle")
public interface LoginThrottleConfig {

    /** Failed attempts within {@link #window()} after which the pair is refused for a while. */
    @WithDefault("5")
    int maxFailures();

    /** How long a failed attempt counts. */
    @WithDefault("PT15M")
    Duration window();

    /** The first refusal period; each further one doubles it, up to {@link #maxDelay()}. */
    @WithDefault("PT1M")
    Duration initialDelay();

    /** The longest refusal period. */
    @WithDefault("PT15M")
    Duration maxDelay();

    /**
     * Pairs remembered at most (per instance); the least recently used go first. About 200
     * bytes each.
     */
    @WithDefault("100000")
    int maxEntries();

    /**
     * Password checks of one pair in flight at once; more are refused for a second. Failures
     * count when they happen, so this bounds how many parallel guesses run before they do.
     */
    @WithDefault("16")
    int maxConcurrent();
}
