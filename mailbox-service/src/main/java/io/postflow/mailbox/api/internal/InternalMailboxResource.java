package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
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
 * The mailbox list of an account: LIST/LSUB/STATUS (read), CREATE, DELETE, RENAME,
 * SUBSCRIBE/UNSUBSCRIBE. Each change publishes a MAILBOXES event on {@code mailbox.events} per
 * mailbox it touched, after the commit.
 */
@Path(InternalApi.BASE + "/accounts/{address}/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class InternalMailboxResource {

    private static final String ID = "{id: [0-9]+}";

    private final MailboxCatalog catalog;

    InternalMailboxResource(MailboxCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET .../mailboxes} → {@code [mailbox]}, sorted by name (code point order). */
    @GET
    @Operation(summary = "Every mailbox of the account with its status (LIST, LSUB, STATUS)",
            description = "Sorted by name in code point order. One query, whatever the number of mailboxes.")
    @APIResponse(responseCode = "200", description = "The mailboxes")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    public Uni<List<MailboxAnswer>> list(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address) {
        return catalog.list(address).map(all -> all.stream().map(MailboxAnswer::of).toList());
    }

    /** {@code POST .../mailboxes} {@code {"name"}} → 201 mailbox. */
    @POST
    @Operation(summary = "CREATE a mailbox, and the levels above it that do not exist (RFC 3501 §6.3.3)",
            description = "New mailboxes are not subscribed.")
    @APIResponse(responseCode = "201", description = "The new mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    @APIResponse(responseCode = "409", description = "already_exists: the name exists (INBOX always does)")
    public Uni<RestResponse<MailboxAnswer>> create(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                                   NameRequest request) {
        return catalog.create(address, name(request)).map(mailbox -> RestResponse.ResponseBuilder
                .<MailboxAnswer>created(UriBuilder.fromPath(InternalApi.BASE + "/accounts/{address}/mailboxes/{id}")
                        .build(address, mailbox.id()))
                .entity(MailboxAnswer.of(mailbox))
                .build());
    }

    /** {@code GET .../mailboxes/by-name?name=X} → mailbox. */
    @GET
    @Path("by-name")
    @Operation(summary = "One mailbox by name (STATUS, and SELECT's name to id)")
    @APIResponse(responseCode = "200", description = "The mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: missing or invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<MailboxAnswer> byName(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                     @Parameter(description = "The mailbox name; INBOX in any case") @RestQuery String name) {
        return catalog.byName(address, name).map(MailboxAnswer::of);
    }

    /** {@code GET .../mailboxes/{id}} → mailbox. */
    @GET
    @Path(ID)
    @Operation(summary = "One mailbox by id")
    @APIResponse(responseCode = "200", description = "The mailbox")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<MailboxAnswer> byId(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                   @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id) {
        return catalog.byId(address, id).map(MailboxAnswer::of);
    }

    /** {@code DELETE .../mailboxes/{id}} → 204. */
    @DELETE
    @Path(ID)
    @Operation(summary = "DELETE a mailbox with its messages (RFC 3501 §6.3.4)",
            description = "Its inferiors stay; the account's usage drops by the mailbox's size.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    @APIResponse(responseCode = "409", description = "cannot: INBOX cannot be deleted")
    public Uni<RestResponse<Void>> delete(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                          @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id) {
        return catalog.delete(address, id).map(done -> RestResponse.noContent());
    }

    /** {@code POST .../mailboxes/{id}/rename} {@code {"name"}} → mailbox under its new name. */
    @POST
    @Path(ID + "/rename")
    @Operation(summary = "RENAME a mailbox with its inferiors (RFC 3501 §6.3.5)",
            description = "Ids and UIDVALIDITY stay; missing levels above the new name are created. Renaming INBOX "
                    + "moves its messages into a new mailbox (new UIDVALIDITY, UIDs 1..n) and leaves INBOX empty; the "
                    + "answer is then the new mailbox.")
    @APIResponse(responseCode = "200", description = "The renamed (or, for INBOX, the new) mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    @APIResponse(responseCode = "409", description = "already_exists: the new name (or one of the renamed inferiors) "
            + "exists; cannot: the new name is inside the mailbox itself")
    public Uni<MailboxAnswer> rename(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                     @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id,
                                     NameRequest request) {
        return catalog.rename(address, id, name(request)).map(MailboxAnswer::of);
    }

    /** {@code PUT .../mailboxes/{id}/subscription} {@code {"subscribed":bool}} → 204. */
    @PUT
    @Path(ID + "/subscription")
    @Operation(summary = "SUBSCRIBE or UNSUBSCRIBE a mailbox (RFC 3501 §6.3.6, §6.3.7)")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "400", description = "invalid_request: subscribed is missing")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<RestResponse<Void>> subscribe(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                             @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id,
                                             SubscriptionRequest request) {
        if (request == null || request.subscribed() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "subscribed (true or false) is required");
        }
        return catalog.subscribe(address, id, request.subscribed()).map(done -> RestResponse.noContent());
    }

    private static String name(NameRequest request) {
        if (request == null || request.name() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "name is required");
        }
        return request.name();
    }
}
