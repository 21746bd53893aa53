package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxCatalog;
import io.postflow.mailbox.domain.mail.MailboxKey;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The mailbox list of an account: LIST/STATUS (read), CREATE, DELETE, RENAME. A mailbox is named
 * by id or, with the path segment {@code by-name} and {@code ?name=}, by name, so the gateway
 * never looks a name up first. Each change publishes a MAILBOXES event on {@code mailbox.events} per
 * mailbox it touched, after the commit.
 */
@Path(InternalApi.BASE + "/accounts/{address}/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class InternalMailboxResource {

    private static final String ID = MailboxKey.SEGMENT;
    private static final String NAME = "The mailbox name (INBOX in any case) when the path says by-name instead of an id";

    private final MailboxCatalog catalog;

    InternalMailboxResource(MailboxCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET .../mailboxes} → {@code [mailbox]}, sorted by name (code point order). */
    @GET
    @Operation(summary = "Every mailbox of the account with its status (LIST, LSUB, STATUS)",
            description = "Sorted by name in code point order. One query, whatever the number of mailboxes.")
    @APIResponse(responseCode = "200", description = "The mailboxes, each with its subscription state")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    public Uni<List<MailboxAnswer>> list(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address) {
        return catalog.list(address).map(all -> all.stream().map(MailboxAnswer::of).toList());
    }

    /** {@code POST .../mailboxes} {@code {"name"}} → 201 mailbox. */
    @POST
    @Operation(summary = "CREATE a mailbox, and the levels above it that do not exist (RFC 3501 §6.3.3)",
            description = "New mailboxes are not subscribed.")
    @APIResponse(responseCode = "201", description = "The new mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: invalid name or special use")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    @APIResponse(responseCode = "409", description = "already_exists: the name exists (INBOX always does)")
    public Uni<RestResponse<MailboxAnswer>> create(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                                   CreateRequest request) {
        if (request == null || request.name() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "name is required");
        }
        return catalog.create(address, request.name(), request.specialUse()).map(mailbox -> RestResponse.ResponseBuilder
                .<MailboxAnswer>created(UriBuilder.fromPath(InternalApi.BASE + "/accounts/{address}/mailboxes/{id}")
                        .build(address, mailbox.id()))
                .entity(MailboxAnswer.of(mailbox))
                .build());
    }

    /** {@code GET .../mailboxes/{id}} or {@code GET .../mailboxes/by-name?name=X} → mailbox. */
    @GET
    @Path(ID)
    @Operation(summary = "One mailbox by id or by name (STATUS in one call)")
    @APIResponse(responseCode = "200", description = "The mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: by-name without a valid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<MailboxAnswer> get(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                  @Parameter(description = InternalApi.MAILBOX_ID) @RestPath String id,
                                  @Parameter(description = NAME) @RestQuery String name) {
        return catalog.get(address, MailboxKey.parse(id, name)).map(MailboxAnswer::of);
    }

    /** {@code DELETE .../mailboxes/{id}} → 204. */
    @DELETE
    @Path(ID)
    @Operation(summary = "DELETE a mailbox with its messages (RFC 3501 §6.3.4)",
            description = "Its inferiors stay; the account's usage drops by the mailbox's size. Its name stays subscribed "
                    + "(RFC 3501 §6.3.6).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    @APIResponse(responseCode = "409", description = "cannot: INBOX cannot be deleted")
    public Uni<RestResponse<Void>> delete(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                          @Parameter(description = InternalApi.MAILBOX_ID) @RestPath String id,
                                          @Parameter(description = NAME) @RestQuery String name) {
        return catalog.delete(address, MailboxKey.parse(id, name)).map(done -> RestResponse.noContent());
    }

    /** {@code POST .../mailboxes/{id}/rename} {@code {"name"}} → mailbox under its new name. */
    @POST
    @Path(ID + "/rename")
    @Operation(summary = "RENAME a mailbox with its inferiors (RFC 3501 §6.3.5)",
            description = "Ids and UIDVALIDITY stay; missing levels above the new name are created; the subscriptions of the "
                    + "renamed names move with them. Renaming INBOX "
                    + "moves its messages into a new mailbox (new UIDVALIDITY, UIDs 1..n) and leaves INBOX empty; the "
                    + "answer is then the new mailbox.")
    @APIResponse(responseCode = "200", description = "The renamed (or, for INBOX, the new) mailbox")
    @APIResponse(responseCode = "400", description = "invalid_request: invalid name")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    @APIResponse(responseCode = "409", description = "already_exists: the new name (or one of the renamed inferiors) "
            + "exists; cannot: the new name is inside the mailbox itself")
    public Uni<MailboxAnswer> rename(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                     @Parameter(description = InternalApi.MAILBOX_ID) @RestPath String id,
                                     @Parameter(description = NAME) @RestQuery String name,
                                     NameRequest request) {
        return catalog.rename(address, MailboxKey.parse(id, name), name(request)).map(MailboxAnswer::of);
    }

    private static String name(NameRequest request) {
        if (request == null || request.name() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "name is required");
        }
        return request.name();
    }
}
