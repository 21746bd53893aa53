package io.postflow.mailbox.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The mailbox service's settings, keys as in the architecture CONTRACT ({@code postflow.*}). */
@ConfigMapping(prefix = "postflow")
public interface MailboxConfig {

    Db db();

    Admin admin();

    interface Db {
        /** PostgreSQL as {@code postgresql://host:port/database}; the datasource URLs derive from it. */
        String url();

        /** Database user. */
        String username();

        /** Database password; absent with trust or peer authentication. */
        Optional<String> password();
    }

    interface Admin {
        /** Bearer token of the admin API; {@code mailctl up} generates and prints one. */
        Optional<String> token();
    }
}
