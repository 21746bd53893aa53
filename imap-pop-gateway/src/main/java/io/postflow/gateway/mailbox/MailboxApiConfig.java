package io.postflow.gateway.mailbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where mailbox-service's internal API answers ({@code postflow.mailbox.*}), as for smtp-ingress. */
@ConfigMapping(prefix = "postflow.mailbox")
public interface MailboxApiConfig {

    /** Base URL of mailbox-service. */
    @WithDefault("http://127.0.0.1:8083")
    String url();

    /** Longest wait for one call; past it the command answers {@code NO [UNAVAILABLE]}. */
    @WithDefault("PT30S")
    Duration timeout();

    /** Pooled HTTP/1.1 connections to mailbox-service per event loop. */
    @WithDefault("32")
    int maxConnections();
}
