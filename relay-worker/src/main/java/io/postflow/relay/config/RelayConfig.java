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

    /**
     * Name this relay gives in EHLO/HELO, recognises as itself in MX records (loop detection), and
     * reports in DSNs (Reporting-MTA, the From of generated notices). Defaults to the machine's host name.
     */
    Optional<String> hostname();

    /**
     * Addresses and CIDR prefixes that are this platform's own: an MX resolving only to them is a
     * mail loop (5.4.6). Loopback by default; tests that run their MX sinks on 127.0.0.x set it to
     * another prefix.
     */
    @WithDefault("127.0.0.0/8,::1/128,0.0.0.0/32,::/128")
    List<String> localAddresses();

    /** Open connections per destination domain at most, busy and idle together. */
    @WithDefault("5")
    int maxConnectionsPerDomain();

    /** DNS lookups, timeouts and answer cache. */
    Dns dns();

    /** Outbound SMTP client timeouts, reuse and limits. */
    Smtp smtp();

    interface Dns {
        /** How long one query may take, retries across the configured servers included. */
        @WithDefault("PT5S")
        Duration timeout();

        /** Answers kept (per name and type); least recently used go first. */
        @WithDefault("10000")
        int cacheSize();

        /** Longest time an answer is cached, whatever its TTL. */
        @WithDefault("PT1H")
        Duration maxTtl();

        /** How long NXDOMAIN / no-data answers are cached (RFC 2308), at most. */
        @WithDefault("PT5M")
        Duration negativeTtl();
    }

    interface Smtp {
        /** TCP connect timeout per address. */
        @WithDefault("PT30S")
        Duration connectTimeout();

        /** RFC 5321 §4.5.3.2.1: initial 220 message. */
        @WithDefault("PT5M")
        Duration greetingTimeout();

        /** EHLO/HELO, STARTTLS, RSET and other short commands (RFC 5321 gives none; 5 min as MAIL). */
        @WithDefault("PT5M")
        Duration commandTimeout();

        /** RFC 5321 §4.5.3.2.2: MAIL command. */
        @WithDefault("PT5M")
        Duration mailTimeout();

        /** RFC 5321 §4.5.3.2.3: RCPT command. */
        @WithDefault("PT5M")
        Duration rcptTimeout();

        /** RFC 5321 §4.5.3.2.4: DATA initiation (the 354). */
        @WithDefault("PT2M")
        Duration dataInitTimeout();

        /** RFC 5321 §4.5.3.2.5: each block of data written (and each non-final BDAT reply). */
        @WithDefault("PT3M")
        Duration dataBlockTimeout();

        /** RFC 5321 §4.5.3.2.6: reply to the final dot (or BDAT LAST). */
        @WithDefault("PT10M")
        Duration dataTerminationTimeout();

        /** How long an idle connection waits in the pool for the next message to its domain. */
        @WithDefault("PT30S")
        Duration idleTimeout();

        /** Transactions on one connection at most before it is closed. */
        @WithDefault("100")
        int maxTransactionsPerConnection();

        /** BDAT chunk size (RFC 3030) when the server offers CHUNKING. */
        @WithDefault("1048576")
        int chunkSize();
    }

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
