package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxSync;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** SELECT and EXAMINE: open a mailbox for a session. */
@Path(InternalApi.BASE + "/accounts/{address}/mailboxes/{id: [0-9]+}/select")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class InternalSelectResource {

    private final MailboxSync sync;

    InternalSelectResource(MailboxSync sync) {
        this.sync = sync;
    }

    /**
     * {@code POST .../mailboxes/{id}/select} {@code {"readOnly":bool}} → {@code {"id","name",
     * "uidValidity","uidNext","highestModseq","messages","unseen","firstUnseen","recentUids",
     * "keywords"}}.
     */
    @POST
    @Operation(summary = "SELECT (readOnly false) or EXAMINE (readOnly true) a mailbox",
            description = "SELECT claims the \\Recent messages in one statement: of two sessions selecting at once, "
                    + "each message is \\Recent in exactly one (RFC 3501 §2.3.2). EXAMINE claims nothing.")
    @APIResponse(responseCode = "200", description = "The mailbox as the session opens it")
    @APIResponse(responseCode = "400", description = "invalid_request: readOnly is missing")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<SelectAnswer> select(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                    @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id,
                                    SelectRequest request) {
        if (request == null || request.readOnly() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "readOnly (true or false) is required");
        }
        return sync.open(address, id, request.readOnly()).map(SelectAnswer::of);
    }
}
