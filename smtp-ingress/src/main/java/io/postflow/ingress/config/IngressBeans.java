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
import java.time.Clock;

/** Objects built from configuration once, for the whole service. */
@Singleton
public class IngressBeans {

    @Produces
    @Singleton
    SessionSettings sessionSettings(SmtpIngressConfig config, AuthConfig auth) {
        return SessionSettings.of(config, auth, config.hostname().orElseGet(IngressBeans::localHostName));
    }

    /** Resolved once, at start-up: a lookup must never run on an event loop. */
    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
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
