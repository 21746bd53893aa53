package io.postflow.mailbox.api;

import io.postflow.mailbox.domain.admin.AccountAdmin;
import io.postflow.mailbox.domain.admin.AdminRejection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path(AdminApiDefinition.BASE + "/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "Local accounts and their mailboxes")
public class AccountResource {

    private static final String ADDRESS = "The account's address, URL-encoded (e.g. alice%40example.test)";

    private final AccountAdmin accounts;

    AccountResource(AccountAdmin accounts) {
        this.accounts = accounts;
    }

    @POST
    @Operation(summary = "Create an account with its INBOX, Sent, Drafts, Trash, Junk and Archive mailboxes")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid address or password")
    @APIResponse(responseCode = "409", description = "The address is an account or an alias already")
    @APIResponse(responseCode = "422", description = "The domain is not local")
    public Uni<RestResponse<AccountView>> create(AccountRequest request) {
        if (request == null) {
            throw AdminRejection.invalid("request body is required");
        }
        return accounts.create(request.address(), request.password()).map(account -> RestResponse.ResponseBuilder
                .<AccountView>created(UriBuilder.fromPath(AdminApiDefinition.BASE + "/accounts/{address}").build(account.address()))
                .entity(new AccountView(account.address(), account.quotaBytes()))
                .build());
    }

    @PATCH
    @Path("{address}")
    @Operation(summary = "Change the password and/or the quota of an account")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "No field, an unknown field or an invalid value")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<RestResponse<Void>> update(@Parameter(description = ADDRESS) @RestPath String address, AccountPatch patch) {
        if (patch == null) {
            throw AdminRejection.invalid("request body is required");
        }
        return accounts.update(address, patch.toUpdate()).map(done -> RestResponse.noContent());
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete an account with its mailboxes and messages")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<RestResponse<Void>> delete(@Parameter(description = ADDRESS) @RestPath String address) {
        return accounts.delete(address).map(done -> RestResponse.noContent());
    }

    @GET
    @Path("{address}/mailboxes")
    @Operation(summary = "List the mailboxes of an account with their counters")
    @APIResponse(responseCode = "200", description = "The mailboxes, in creation order")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<List<MailboxView>> mailboxes(@Parameter(description = ADDRESS) @RestPath String address) {
        return accounts.mailboxes(address).map(all -> all.stream().map(MailboxView::of).toList());
    }
}
