package io.postflow.mailbox.api;

import io.postflow.mailbox.config.MailboxConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the two APIs of mailbox-service with their own bearer tokens: {@code /api/...} (admin,
 * {@code postflow.admin.token}) and {@code /internal/...} (the gateways, {@code
 * postflow.internal.token}). Runs before route matching, so an unauthenticated caller cannot even
 * learn which routes exist. Health, metrics and OpenAPI under {@code /q} stay open.
 */
public class AdminAuthFilter {

    private final BearerToken admin;
    private final BearerToken internal;

    AdminAuthFilter(MailboxConfig config) {
        this.admin = new BearerToken(config.admin().token(), "postflow-admin",
                "the admin API is disabled: postflow.admin.token is not set");
        this.internal = new BearerToken(config.internal().token(), "postflow-internal",
                "the internal API is disabled: postflow.internal.token is not set");
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isAdminPath(path)) {
            return admin.check(request);
        }
        if (BearerToken.under(path, "internal")) {
            return internal.check(request);
        }
        return null;
    }

    static boolean isAdminPath(String path) {
        return BearerToken.under(path, "api");
    }
}
