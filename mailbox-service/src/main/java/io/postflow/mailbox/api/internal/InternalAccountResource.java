package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailboxCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** An account as the gateways need it after login: its canonical name, id and quota. */
@Path(InternalApi.BASE + "/accounts/{address}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes", description = "Mailbox lists and state for the IMAP and POP3 gateways")
public class InternalAccountResource {

    private final MailboxCatalog catalog;

    InternalAccountResource(MailboxCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET /internal/v1/accounts/{address}} → {@code {"account","accountId","quotaBytes","usedBytes"}}. */
    @GET
    @Operation(summary = "An account with its quota and usage (IMAP GETQUOTAROOT)")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", description = "The address is no address")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    public Uni<AccountAnswer> account(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address) {
        return catalog.account(address).map(AccountAnswer::of);
    }
}
