package io.postflow.mailbox.api;

import io.postflow.mailbox.domain.admin.AdminRejection;
import io.postflow.mailbox.domain.admin.DomainAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path(AdminApiDefinition.BASE + "/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "domains", description = "Domains this platform receives mail for")
public class DomainResource {

    private final DomainAdmin domains;

    DomainResource(DomainAdmin domains) {
        this.domains = domains;
    }

    @POST
    @Operation(summary = "Add a local domain")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid domain name")
    @APIResponse(responseCode = "409", description = "The domain exists")
    public Uni<RestResponse<DomainView>> create(DomainRequest request) {
        if (request == null) {
            throw AdminRejection.invalid("request body is required");
        }
        return domains.create(request.name()).map(domain -> RestResponse.ResponseBuilder
                .<DomainView>created(UriBuilder.fromPath(AdminApiDefinition.BASE + "/domains/{name}").build(domain.ascii()))
                .entity(DomainView.of(domain))
                .build());
    }

    @GET
    @Operation(summary = "List the local domains")
    @APIResponse(responseCode = "200", description = "Every domain, by name")
    public Uni<List<DomainView>> list() {
        return domains.list().map(all -> all.stream().map(DomainView::of).toList());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a domain and its aliases")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such domain")
    @APIResponse(responseCode = "409", description = "The domain still has accounts")
    public Uni<RestResponse<Void>> delete(@RestPath String name) {
        return domains.delete(name).map(done -> RestResponse.noContent());
    }
}
