package io.postflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    interface Listener {
        /** TCP port of the listener. */
        int port();
    }
}
