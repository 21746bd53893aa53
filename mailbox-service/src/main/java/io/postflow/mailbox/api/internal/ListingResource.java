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

/**
 * {@code GET .../listing}: the mailbox list and the subscription list in one answer, so an IMAP
 * {@code LIST (SUBSCRIBED)} or {@code LIST ... RETURN (SUBSCRIBED)} stays one round trip. The two
 * reads are separate queries, not one snapshot: a SUBSCRIBE racing the LIST may show in one and not
 * yet in the other, which a client cannot tell from the two commands running in the other order.
 */
@Path(InternalApi.BASE + "/accounts/{address}/listing")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class ListingResource {

    private final MailboxCatalog catalog;

    ListingResource(MailboxCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Every mailbox with its status, and the subscribed names (extended LIST, RFC 5258)")
    @APIResponse(responseCode = "200", description = "The mailboxes and the subscriptions")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    public Uni<ListingAnswer> listing(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address) {
        return catalog.list(address).chain(all -> catalog.subscriptions(address)
                .map(names -> new ListingAnswer(all.stream().map(MailboxAnswer::of).toList(), names)));
    }
}
