package io.postflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The gateway's listener and authentication settings, keys as in the architecture CONTRACT. */
@ConfigMapping(prefix = "postflow")
public interface GatewayConfig {

    /** IMAP with STARTTLS (RFC 3501 §6.2.1), and the IMAP settings of both IMAP listeners. */
    Imap imap();

    /** IMAP over implicit TLS (RFC 8314). */
    Listener imaps();

    /** POP3 with STLS (RFC 2595). */
    Listener pop3();

    /** POP3 over implicit TLS (RFC 8314). */
    Listener pop3s();

    Auth auth();

    interface Listener {
        /** TCP port of the listener (0: a free port, for tests). */
        int port();

        /** Address to bind. */
        @WithDefault("0.0.0.0")
        String host();
    }

    interface Imap extends Listener {
        /**
         * Quarkus TLS registry entry with the certificate of STARTTLS and IMAPS
         * ({@code quarkus.tls.imap.key-store.pem.0.cert/key}; {@code mailctl up} passes the pair it made).
         */
        @WithDefault("imap")
        String tlsConfigurationName();

        ImapLimits limits();
    }

    interface ImapLimits {
        /** Largest literal after login, i.e. APPEND's message (the SIZE limit by default). */
        @WithDefault("26214400")
        long maxLiteral();

        /** Largest literal before login (James uses 8 KiB too): nobody unknown gets to fill memory. */
        @WithDefault("8192")
        long maxLiteralBeforeLogin();

        /** Longest command line. */
        @WithDefault("65536")
        int maxLine();

        /** Lines (and literals other than the one allowed by max-literal) of one command together. */
        @WithDefault("262144")
        long maxCommandBytes();

        /** Idle time before the autologout {@code * BYE}; RFC 3501 §5.4 asks for at least 30 minutes. */
        @WithDefault("PT30M")
        Duration autologout();

        /**
         * During IDLE (RFC 2177), how long a session gathers change hints before it asks for the
         * changes once: a burst of events then costs one round trip, at this much extra latency.
         */
        @WithDefault("PT0.05S")
        Duration idleCoalesce();

        /** Concurrent IMAP connections of this instance; more are greeted with {@code * BYE} and closed. */
        @WithDefault("2000")
        int maxConnections();

        /**
         * Concurrent IMAP connections from one client IP address; more are greeted with
         * {@code * BYE}. High enough for an office behind one NAT address.
         */
        @WithDefault("256")
        int maxConnectionsPerAddress();

        /**
         * Concurrent authenticated IMAP sessions of one user on this instance (a client opens a few
         * per account and device); one more login is answered {@code NO [LIMIT]} (RFC 5530).
         */
        @WithDefault("50")
        int maxConnectionsPerUser();
    }

    interface Auth {
        /**
         * Whether LOGIN, USER/PASS and plain-text AUTH are allowed without TLS from loopback
         * clients (127.0.0.0/8, ::1). From any other address they need TLS first.
         */
        @WithDefault("false")
        boolean allowPlaintextOnLoopback();
    }
}
