package io.postflow.gateway.pop3.server;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the POP3 listeners are bound (POP3S too when a certificate is configured). */
@Readiness
@ApplicationScoped
public class Pop3Readiness implements HealthCheck {

    private final Pop3Server server;

    public Pop3Readiness(Pop3Server server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("pop3 listeners").status(server.listening());
        server.ports().forEach(response::withData);
        return response.build();
    }
}
