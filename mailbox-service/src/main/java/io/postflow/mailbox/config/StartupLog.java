package io.postflow.mailbox.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** States at start-up the settings an operator most often needs to confirm (never the secrets). */
class StartupLog {

    private static final Logger LOG = Logger.getLogger("io.postflow.mailbox");

    void onStart(@Observes StartupEvent event, MailboxConfig config) {
        LOG.infof("mailbox-service settings: database %s as %s, admin token %s",
                config.db().url(), config.db().username(), config.admin().token().isPresent() ? "set" : "not set");
    }
}
