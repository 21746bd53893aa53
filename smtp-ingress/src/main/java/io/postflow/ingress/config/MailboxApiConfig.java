package io.postflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where mailbox-service's internal API answers password checks ({@code postflow.mailbox.*}). */
@ConfigMapping(prefix = "postflow.mailbox")
public interface MailboxApiConfig {

    /** Base URL of mailbox-service. */
    @WithDefault("http://127.0.0.1:8083")
    String url();

    /** Longest wait for a password check; past it AUTH answers 454 4.7.0. */
    @WithDefault("PT5S")
    Duration timeout();
}
