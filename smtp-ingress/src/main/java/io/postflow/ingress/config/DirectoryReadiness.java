package io.postflow.ingress.config;

import io.postflow.common.directory.DirectoryView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the directory is loaded: before that every RCPT would get 451, so a load
 * balancer should send clients elsewhere.
 */
@Readiness
@ApplicationScoped
public class DirectoryReadiness implements HealthCheck {

    static final String NAME = "directory loaded";

    private final DirectoryView view;

    public DirectoryReadiness(DirectoryView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(view.loaded()).withData("entries", view.size()).build();
    }
}
