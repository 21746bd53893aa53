package io.postflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The ingress's settings, keys as in the architecture CONTRACT ({@code postflow.smtp.*}). */
@ConfigMapping(prefix = "postflow.smtp")
public interface SmtpIngressConfig {

    /** Inbound MX listener: no AUTH, local recipients only unless authenticated. */
    Listener mx();

    /** Submission listener (RFC 6409): STARTTLS, AUTH required before MAIL. */
    Listener submission();

    /** Submission over implicit TLS (RFC 8314). */
    Listener smtps();

    /** SIZE limit in bytes (RFC 1870); Kafka records are allowed this much plus headers. */
    @WithDefault("26214400")
    long maxMessageSize();

    /**
     * This server's name in the greeting, the EHLO reply and the {@code Received:} field
     * (RFC 5321 §4.1.3); the machine's host name when not set.
     */
    Optional<String> hostname();

    /**
     * Name of the Quarkus TLS registry configuration holding the listeners' certificate
     * ({@code quarkus.tls.<name>.key-store.pem.0.cert/key}). Without it there is no STARTTLS and
     * no SMTPS listener.
     */
    @WithDefault("smtp")
    String tlsConfigurationName();

    Limits limits();

    interface Listener {
        /** TCP port of the listener; 0 picks a free port (tests). */
        int port();

        /** Address to bind. */
        @WithDefault("0.0.0.0")
        String host();
    }

    interface Limits {
        /**
         * Longest command line, CRLF excluded: RFC 5321 §4.5.3.1.4 allows 512 octets and says
         * extensions add to it (SIZE, DSN's ORCPT and ENVID, AUTH initial responses).
         */
        @WithDefault("2048")
        int maxCommandLine();

        /** Recipients per message; RFC 5321 §4.5.3.1.8 requires at least 100. Beyond: 452 4.5.3. */
        @WithDefault("100")
        int maxRecipients();

        /** Open SMTP connections of this instance, all listeners together. Beyond: 421 4.7.0. */
        @WithDefault("1000")
        int maxConnections();

        /** Open SMTP connections from one client IP address. Beyond: 421 4.7.0. */
        @WithDefault("20")
        int maxConnectionsPerClient();

        /**
         * How long the server waits for the next command, i.e. the idle timeout of a session
         * (RFC 5321 §4.5.3.2.7: at least 5 minutes).
         */
        @WithDefault("PT5M")
        Duration commandTimeout();

        /** Longest silence inside DATA or a BDAT chunk (RFC 5321 §4.5.3.2.5's 3 minutes per block). */
        @WithDefault("PT3M")
        Duration dataBlockTimeout();

        /** Longest time from 354 to the final dot (RFC 5321 §4.5.3.2.6: 10 minutes). */
        @WithDefault("PT10M")
        Duration dataTerminationTimeout();

        /**
         * Bytes received but not yet processed while a command runs (pipelined commands); above
         * it the socket is paused until the session catches up.
         */
        @WithDefault("65536")
        int maxPipelinedBytes();

        /**
         * Message bytes handed to Kafka and not yet acknowledged, all sessions together. A final
         * dot that would exceed it waits (its socket paused) until earlier messages are durable.
         */
        @WithDefault("134217728")
        long maxBytesInFlight();

        /** Failed AUTH attempts in one session before it is closed with 421 4.7.0. */
        @WithDefault("3")
        int maxAuthFailures();

        /** Added to the answer of each successive failed AUTH in a session, to slow guessing. */
        @WithDefault("PT0.5S")
        Duration authFailureDelay();

        /**
         * How long a client address's AUTH failures are remembered across connections; each one
         * adds {@code auth-failure-delay} to its next failure's answer, up to 15 failures.
         */
        @WithDefault("PT15M")
        Duration authFailureWindow();

        /** Client addresses whose AUTH failures are remembered at once (bounded memory). */
        @WithDefault("100000")
        int maxTrackedAuthClients();
    }
}
