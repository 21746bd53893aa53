package io.postflow.mailbox.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** States at start-up the settings an operator most often needs to confirm (never the secrets). */
class StartupLog {

    private static final Logger LOG = Logger.getLogger("io.postflow.mailbox");
    /** Shorter tokens are guessable; mailctl generates 32 characters. */
    private static final int WEAK_TOKEN_LENGTH = 16;

    void onStart(@Observes StartupEvent event, MailboxConfig config) {
        boolean tokenSet = config.admin().token().filter(token -> !token.isBlank()).isPresent();
        LOG.infof("mailbox-service settings: database %s as %s, admin token %s, postmaster of domains without one: %s",
                config.db().url(), config.db().username(), tokenSet ? "set" : "not set",
                config.directory().postmasterAccount().orElse("their oldest account"));
        if (!tokenSet) {
            LOG.warn("postflow.admin.token is not set: every admin API call (/api/v1) is refused with 401");
        } else if (config.admin().token().get().length() < WEAK_TOKEN_LENGTH) {
            LOG.warnf("postflow.admin.token is shorter than %d characters: use a long random token", WEAK_TOKEN_LENGTH);
        }
    }
}
