package io.postflow.mailbox.domain.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How local delivery treats messages it cannot store yet ({@code postflow.delivery.*}). */
@ConfigMapping(prefix = "postflow.delivery")
public interface DeliveryConfig {

    /**
     * How long a message refused for a full mailbox keeps being retried before it bounces with
     * 5.2.2 (RFC 3463 counts a full mailbox as temporary; RFC 5321 §4.5.4.1 suggests 4-5 days).
     */
    @WithDefault("P5D")
    Duration retryLifetime();
}
