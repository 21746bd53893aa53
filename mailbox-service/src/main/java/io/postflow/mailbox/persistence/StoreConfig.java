package io.postflow.mailbox.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Housekeeping of the mail store ({@code postflow.store.*}). */
@ConfigMapping(prefix = "postflow.store")
public interface StoreConfig {

    /**
     * How long a body nobody references any more is kept before it is deleted. A session may still
     * be reading a message another session expunged (RFC 2180 §4.1), so never less than an hour.
     */
    @WithDefault("PT1H")
    Duration bodyGrace();

    /** How often the sweeper looks for bodies past their grace period. */
    @WithDefault("PT5M")
    Duration sweepInterval();

    /** The expunge log ({@code postflow.store.expunge-log.*}). */
    ExpungeLog expungeLog();

    interface ExpungeLog {

        /**
         * How long an expunged UID stays listed for "changes since MODSEQ n". A session whose MODSEQ
         * is older than what was pruned is told to resynchronise (the gateway closes it with BYE).
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often entries past the retention are pruned. */
        @WithDefault("PT1H")
        Duration sweepInterval();
    }
}
