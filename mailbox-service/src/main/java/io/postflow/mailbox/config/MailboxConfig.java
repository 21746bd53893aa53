package io.postflow.mailbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The mailbox service's settings, keys as in the architecture CONTRACT ({@code postflow.*}). */
@ConfigMapping(prefix = "postflow")
public interface MailboxConfig {

    Db db();

    Admin admin();

    Directory directory();

    Internal internal();

    interface Db {
        /** PostgreSQL as {@code postgresql://host:port/database}; the datasource URLs derive from it. */
        String url();

        /** Database user. */
        String username();

        /** Database password; absent with trust or peer authentication. */
        Optional<String> password();
    }

    interface Admin {
        /**
         * Bearer token of the admin API; {@code mailctl up} generates and prints one. Without it
         * every admin call is refused (fail closed).
         */
        Optional<String> token();
    }

    interface Internal {
        /**
         * Bearer token the gateways present on the internal mailbox API ({@code /internal/v1});
         * {@code mailctl up} generates one and gives it to mailbox-service and the gateway.
         * Without it every internal call is refused (fail closed).
         */
        Optional<String> token();
    }

    interface Directory {
        /**
         * Where {@code postmaster@<domain>} goes (RFC 5321 §4.5.1) for a domain that has no
         * account or alias of that name: an address, normally a local account. Absent: the
         * domain's oldest account.
         */
        Optional<String> postmasterAccount();

        /**
         * How long an admin call waits for Kafka to acknowledge its directory records before it
         * answers anyway; the change is committed and the repair task publishes it later.
         */
        @WithDefault("PT5S")
        Duration publishTimeout();

        /** How often directory changes whose publication was not confirmed are published again. */
        @WithDefault("PT30S")
        Duration repairInterval();
    }
}
