package io.postflow.relay.config;

import io.postflow.common.directory.DirectoryView;
import io.postflow.relay.adapter.kafka.RelayWorkers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the directory is loaded (routing against a partial directory would bounce valid local
 * recipients) and the worker threads run. Kafka itself is checked by the Kafka health check.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    private final DirectoryView view;
    private final RelayWorkers workers;

    public RelayReadiness(DirectoryView view, RelayWorkers workers) {
        this.view = view;
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("relay routing")
                .status(view.loaded() && workers.running())
                .withData("directoryLoaded", view.loaded())
                .withData("directoryEntries", view.size())
                .withData("workersRunning", workers.running())
                .build();
    }
}
