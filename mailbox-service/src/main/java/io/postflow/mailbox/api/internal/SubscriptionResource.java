package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The subscription list of an account (RFC 3501 §6.3.6, §6.3.7, §6.3.9): names, which outlive
 * their mailboxes. LSUB is one call to {@code GET}; SUBSCRIBE and UNSUBSCRIBE one each.
 */
@Path(InternalApi.BASE + "/accounts/{address}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class SubscriptionResource {

    private static final String NAME = "The mailbox name; INBOX in any case";

    private final MailboxCatalog catalog;

    SubscriptionResource(MailboxCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET .../subscriptions} → {@code ["INBOX", ...]}. */
    @GET
    @Operation(summary = "The subscribed names (LSUB)", description = "Sorted in code point order. A name stays subscribed "
            + "when its mailbox is deleted, until UNSUBSCRIBE.")
    @APIResponse(responseCode = "200", description = "The names")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    public Uni<List<String>> list(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address) {
        return catalog.subscriptions(address);
    }

    /** {@code PUT .../subscriptions?name=X} → 204. */
    @PUT
    @Operation(summary = "SUBSCRIBE a mailbox (RFC 3501 §6.3.6)", description = "Only an existing mailbox; again is no error.")
    @APIResponse(responseCode = "204", description = "Subscribed")
    @APIResponse(responseCode = "400", description = "invalid_request: missing or invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<RestResponse<Void>> subscribe(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                             @Parameter(description = NAME, required = true) @RestQuery String name) {
        return catalog.subscribe(address, required(name), true).map(done -> RestResponse.noContent());
    }

    /** {@code DELETE .../subscriptions?name=X} → 204. */
    @DELETE
    @Operation(summary = "UNSUBSCRIBE a name (RFC 3501 §6.3.7)", description = "Also a name whose mailbox no longer exists.")
    @APIResponse(responseCode = "204", description = "Unsubscribed (or was not, but the mailbox exists)")
    @APIResponse(responseCode = "400", description = "invalid_request: missing or invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account, and the name is neither subscribed "
            + "nor a mailbox")
    public Uni<RestResponse<Void>> unsubscribe(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                               @Parameter(description = NAME, required = true) @RestQuery String name) {
        return catalog.subscribe(address, required(name), false).map(done -> RestResponse.noContent());
    }

    private static String required(String name) {
        if (name == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "name is required");
        }
        return name;
    }
}
