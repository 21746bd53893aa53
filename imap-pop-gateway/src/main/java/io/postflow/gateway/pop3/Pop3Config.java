package io.postflow.gateway.pop3;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The POP3 server's settings beyond the CONTRACT ports ({@code postflow.pop3.port} /
 * {@code postflow.pop3s.port} and their hosts are read through {@code GatewayConfig}).
 */
@ConfigMapping(prefix = "postflow.pop3")
public interface Pop3Config {

    /**
     * Quarkus TLS registry entry with the certificate of STLS and POP3S
     * ({@code quarkus.tls.pop3.key-store.pem.0.cert/key}; {@code mailctl up} passes the pair it made).
     */
    @WithDefault("pop3")
    String tlsConfigurationName();

    Limits limits();

    Lease lease();

    interface Limits {
        /** Longest command line without CRLF (RFC 2449 §4 allows 255 octets; AUTH PLAIN responses need more). */
        @WithDefault("2048")
        int maxLine();

        /** Idle time before the server closes the session without UPDATE; RFC 1939 §3 asks for at least 10 minutes. */
        @WithDefault("PT10M")
        Duration idleTimeout();

        /** Concurrent POP3 connections of this instance, both listeners together. */
        @WithDefault("2000")
        int maxConnections();

        /** Concurrent POP3 connections of this instance from one client IP address. */
        @WithDefault("20")
        int maxConnectionsPerAddress();

        /** Concurrent logins and sessions of this instance for one user (the maildrop lease allows one session). */
        @WithDefault("5")
        int maxConnectionsPerUser();

        /** Failed logins on one connection before it is closed. */
        @WithDefault("3")
        int maxAuthFailures();

        /** Delay of the n-th failed login's answer: n times this (mailbox-service also throttles per account and client). */
        @WithDefault("PT2S")
        Duration authFailureDelay();
    }

    interface Lease {
        /**
         * Lifetime of the maildrop lock; the gateway renews it every third of it while the session lives, so
         * a crashed gateway's lock is free after at most this long.
         */
        @WithDefault("PT2M")
        Duration ttl();
    }
}
