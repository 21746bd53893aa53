package io.postflow.mailbox.domain.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The message size limit, the same key the SMTP listeners use (architecture CONTRACT). */
@ConfigMapping(prefix = "postflow.smtp")
public interface AppendConfig {

    /**
     * Largest message APPEND accepts, in octets: a message that could not arrive by SMTP cannot be
     * stored by IMAP either. {@code quarkus.http.limits.max-body-size} stays above it, so a larger
     * request gets this API's JSON 400 rather than a bare 413.
     */
    @WithDefault("26214400")
    long maxMessageSize();
}
