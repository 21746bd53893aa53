package io.postflow.ingress.session;

import io.postflow.ingress.config.AuthConfig;
import io.postflow.ingress.config.SmtpIngressConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings a session needs, free of Quarkus so transcript tests can build them.
 *
 * @param hostname                  this server's name (greeting, EHLO, Received)
 * @param maxMessageSize            SIZE limit (RFC 1870)
 * @param maxCommandLine            longest command line (RFC 5321 §4.5.3.1.4 plus extensions)
 * @param maxRecipients             recipients per transaction (RFC 5321 §4.5.3.1.8)
 * @param commandTimeout            wait for the next command (RFC 5321 §4.5.3.2.7)
 * @param dataBlockTimeout          longest silence inside DATA or a BDAT chunk
 * @param dataTerminationTimeout    longest DATA phase, 354 to the final dot
 * @param maxAuthFailures           failed AUTH attempts before 421
 * @param authFailureDelay          added to the answer of each successive AUTH failure
 * @param allowPlaintextOnLoopback  plain-text AUTH from loopback (CONTRACT)
 */
public record SessionSettings(String hostname, long maxMessageSize, int maxCommandLine, int maxRecipients, Duration commandTimeout,
                              Duration dataBlockTimeout, Duration dataTerminationTimeout, int maxAuthFailures,
                              Duration authFailureDelay, boolean allowPlaintextOnLoopback) {

    public SessionSettings {
        Objects.requireNonNull(hostname, "hostname");
        if (maxRecipients < 100) {
            throw new IllegalArgumentException("RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted");
        }
    }

    /**
     * The line reader's limit: commands and message text share one reader, so it is the larger of
     * the command limit and a text line (RFC 5321 §4.5.3.1.6: 1000 octets with CRLF). The session
     * holds commands to {@link #maxCommandLine} itself.
     */
    public int readerLineLimit() {
        return Math.max(maxCommandLine, 1000);
    }

    public static SessionSettings of(SmtpIngressConfig config, AuthConfig auth, String hostname) {
        SmtpIngressConfig.Limits limits = config.limits();
        return new SessionSettings(hostname, config.maxMessageSize(), limits.maxCommandLine(), limits.maxRecipients(), limits.commandTimeout(),
                limits.dataBlockTimeout(), limits.dataTerminationTimeout(), limits.maxAuthFailures(),
                limits.authFailureDelay(), auth.allowPlaintextOnLoopback());
    }
}
