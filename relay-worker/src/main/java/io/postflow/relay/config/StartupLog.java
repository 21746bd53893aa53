package io.postflow.relay.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** States at start-up the settings an operator most often needs to confirm. */
class StartupLog {

    private static final Logger LOG = Logger.getLogger("io.postflow.relay");

    void onStart(@Observes StartupEvent event, RelayConfig config) {
        LOG.infof("relay-worker settings: resolver %s, remote MX port %d, local addresses %s, %d connections per domain, "
                + "retry schedule %s, queue lifetime %s, delay notice %s",
                config.dnsServers().map(s -> String.join(",", s)).orElse("system"), config.mxPort(),
                String.join(",", config.localAddresses()), config.maxConnectionsPerDomain(),
                config.retry().schedule(), config.retry().lifetime(), config.retry().delayNotice());
    }
}
