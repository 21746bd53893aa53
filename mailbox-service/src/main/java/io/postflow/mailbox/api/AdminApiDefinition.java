package io.postflow.mailbox.api;

import io.postflow.mailbox.api.internal.InternalApi;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * How /q/openapi describes the admin API: every operation needs the bearer token. The internal
 * API's operations ({@code /internal/v1}) name their own scheme, the service token.
 */
@OpenAPIDefinition(
        info = @Info(title = "Postflow mailbox-service admin API", version = "v1"),
        security = @SecurityRequirement(name = AdminApiDefinition.SCHEME))
@SecurityScheme(securitySchemeName = AdminApiDefinition.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "postflow.admin.token (mailctl up generates one and stores it in $POSTFLOW_HOME/admin-token)")
@SecurityScheme(securitySchemeName = InternalApi.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "postflow.internal.token, shared by mailbox-service and the gateways")
public class AdminApiDefinition extends Application {

    static final String SCHEME = "admin-token";
    static final String BASE = "/api/v1";
}
