package io.postflow.ingress.config;

import io.postflow.ingress.domain.ByteBudget;
import io.postflow.ingress.extension.EsmtpExtension;
import io.postflow.ingress.extension.EsmtpExtensions;
import io.postflow.ingress.session.SessionSettings;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import io.postflow.common.address.AddressException;
import io.postflow.common.address.Domain;
import io.postflow.ingress.auth.AuthFailures;
import java.time.Clock;
import java.util.Optional;

/** Objects built from configuration once, for the whole service. */
@Singleton
public class IngressBeans {

    @Produces
    @Singleton
    SessionSettings sessionSettings(SmtpIngressConfig config, AuthConfig auth) {
        String name = config.hostname().map(IngressBeans::configuredName).orElseGet(IngressBeans::localHostName);
        return SessionSettings.of(config, auth, name);
    }

    @Produces
    @Singleton
    AuthFailures authFailures(SmtpIngressConfig config, Clock clock) {
        return new AuthFailures(clock, config.limits().authFailureWindow(), config.limits().maxTrackedAuthClients());
    }

    /** The greeting and EHLO reply name a domain (RFC 5321 §4.1.1.1, §4.3.1): refuse anything else at start. */
    private static String configuredName(String name) {
        try {
            return Domain.parse(name).ascii();
        } catch (AddressException e) {
            throw new IllegalArgumentException("postflow.smtp.hostname must be a domain name, not '" + name + "'", e);
        }
    }

    /**
     * Resolved once, at start-up (a lookup must never run on an event loop). Reverse DNS may give
     * back an address literal or nothing useful; the name then falls back to the host name, and to
     * {@code localhost} as the last resort, so the greeting always names a domain.
     */
    private static String localHostName() {
        try {
            InetAddress local = InetAddress.getLocalHost();
            return asDomain(local.getCanonicalHostName()).or(() -> asDomain(local.getHostName())).orElse("localhost");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    static Optional<String> asDomain(String name) {
        if (name == null || name.isEmpty() || Character.digit(name.charAt(name.length() - 1), 10) >= 0 || name.contains(":")) {
            // An IPv4 or IPv6 literal (no top-level domain ends in a digit).
            return Optional.empty();
        }
        try {
            return Optional.of(Domain.parse(name).ascii());
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** Every {@link EsmtpExtension} bean, in EHLO order. */
    @Produces
    @Singleton
    EsmtpExtensions extensions(@Any Instance<EsmtpExtension> all) {
        return new EsmtpExtensions(all.stream().toList());
    }

    @Produces
    @Singleton
    ByteBudget bytesInFlight(SmtpIngressConfig config) {
        return new ByteBudget(config.limits().maxBytesInFlight());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
