package io.postflow.relay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The relay worker's settings, keys as in the architecture CONTRACT ({@code postflow.relay.*}). */
@ConfigMapping(prefix = "postflow.relay")
public interface RelayConfig {

    /**
     * DNS servers ({@code host:port}, comma separated) for MX/A/AAAA/TXT lookups; empty means the
     * system resolver. Tests point it at a DNS responder on loopback.
     */
    Optional<List<String>> dnsServers();

    /** TCP port used to reach remote MX hosts; 25 except in tests. */
    @WithDefault("25")
    int mxPort();

    /** Name of this MTA in DSNs (Reporting-MTA) and in the From of generated notices; the host name by default. */
    Optional<String> hostname();

    /** RFC 5321 §6.3: a message that passed more hosts than this is looping (5.4.6). */
    @WithDefault("100")
    int maxReceivedHeaders();

    /** Alias levels followed before the expansion is considered a loop (5.4.6); cycles are caught earlier. */
    @WithDefault("10")
    int maxAliasDepth();

    Retry retry();

    Workers workers();

    interface Retry {

        /**
         * The fixed delay of each tier topic, in the order {@code mail.retry.1m}, {@code .10m},
         * {@code .1h}, {@code .6h}: a record is due this long after it was written to its tier.
         */
        @WithDefault("PT1M,PT10M,PT1H,PT6H")
        List<Duration> tierDelays();

        /**
         * The tier of each retry, by topic suffix ({@code 1m}, {@code 10m}, {@code 1h}, {@code 6h}):
         * the n-th temporary failure waits in the n-th tier; the last entry repeats.
         */
        @WithDefault("1m,10m,10m,1h,1h,6h")
        List<String> schedule();

        /** Maximum queue lifetime (RFC 5321 §4.5.4.1): older undelivered recipients are bounced (4.4.7). */
        @WithDefault("P5D")
        Duration lifetime();

        /** Age at which a "delayed" DSN is sent once, to recipients with NOTIFY=DELAY or no NOTIFY. */
        @WithDefault("PT4H")
        Duration delayNotice();
    }

    interface Workers {

        /** Records taken per poll; they are processed concurrently and committed together. */
        @WithDefault("50")
        int maxPollRecords();

        /**
         * How far back, from the time of a mailbox-service failure report, the relay searches
         * {@code mail.deliver} for the message to bounce.
         */
        @WithDefault("P2D")
        Duration bounceLookback();
    }
}
