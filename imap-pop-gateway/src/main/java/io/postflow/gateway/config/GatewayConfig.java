package io.postflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's listener and authentication settings, keys as in the architecture CONTRACT. */
@ConfigMapping(prefix = "postflow")
public interface GatewayConfig {

    /** IMAP with STARTTLS (RFC 3501 §6.2.1). */
    Listener imap();

    /** IMAP over implicit TLS (RFC 8314). */
    Listener imaps();

    /** POP3 with STLS (RFC 2595). */
    Listener pop3();

    /** POP3 over implicit TLS (RFC 8314). */
    Listener pop3s();

    Auth auth();

    interface Listener {
        /** TCP port of the listener. */
        int port();
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
