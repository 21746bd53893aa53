package io.postflow.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** States at start-up the settings an operator most often needs to confirm. */
class StartupLog {

    private static final Logger LOG = Logger.getLogger("io.postflow.gateway");

    void onStart(@Observes StartupEvent event, GatewayConfig config) {
        LOG.infof("imap-pop-gateway settings: IMAP %d, IMAPS %d, POP3 %d, POP3S %d, plain-text login on loopback %s",
                config.imap().port(), config.imaps().port(), config.pop3().port(), config.pop3s().port(),
                config.auth().allowPlaintextOnLoopback() ? "allowed" : "refused");
    }
}
