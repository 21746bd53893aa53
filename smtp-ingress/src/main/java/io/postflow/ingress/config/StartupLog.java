package io.postflow.ingress.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** States at start-up the settings an operator most often needs to confirm. */
class StartupLog {

    private static final Logger LOG = Logger.getLogger("io.postflow.ingress");

    void onStart(@Observes StartupEvent event, SmtpIngressConfig config) {
        LOG.infof("smtp-ingress settings: MX %d, submission %d, SMTPS %d, SIZE %d bytes",
                config.mx().port(), config.submission().port(), config.smtps().port(), config.maxMessageSize());
    }
}
