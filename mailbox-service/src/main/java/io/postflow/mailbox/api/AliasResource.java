package io.postflow.mailbox.api;

import io.postflow.mailbox.domain.admin.AdminRejection;
import io.postflow.mailbox.domain.admin.AliasAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path(AdminApiDefinition.BASE + "/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "aliases", description = "Local addresses forwarding to accounts or remote mailboxes")
public class AliasResource {

    private final AliasAdmin aliases;

    AliasResource(AliasAdmin aliases) {
        this.aliases = aliases;
    }

    @POST
    @Operation(summary = "Create an alias")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid address, no targets or an invalid target")
    @APIResponse(responseCode = "409", description = "The address is an alias or an account already")
    @APIResponse(responseCode = "422", description = "The alias's domain is not local")
    public Uni<RestResponse<AliasView>> create(AliasRequest request) {
        if (request == null) {
            throw AdminRejection.invalid("request body is required");
        }
        return aliases.create(request.address(), request.targets()).map(alias -> RestResponse.ResponseBuilder
                .<AliasView>created(UriBuilder.fromPath(AdminApiDefinition.BASE + "/aliases/{address}").build(alias.address()))
                .entity(new AliasView(alias.address(), alias.targets()))
                .build());
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete an alias")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such alias")
    public Uni<RestResponse<Void>> delete(
            @Parameter(description = "The alias's address, URL-encoded") @RestPath String address) {
        return aliases.delete(address).map(done -> RestResponse.noContent());
    }
}
