package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxKey;
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
import org.jboss.resteasy.reactive.RestQuery;

/** SELECT and EXAMINE: open a mailbox for a session. */
@Path(InternalApi.BASE + "/accounts/{address}/mailboxes/" + MailboxKey.SEGMENT + "/select")
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
     * {@code POST .../mailboxes/{id}/select} or {@code POST .../mailboxes/by-name/select?name=X}
     * {@code {"readOnly":bool}} → {@code {"id","name","uidValidity","uidNext","highestModseq",
     * "messages","unseen","firstUnseen","recentUids","keywords","uids"}}.
     */
    @POST
    @Operation(summary = "SELECT (readOnly false) or EXAMINE (readOnly true) a mailbox",
            description = "SELECT claims the \\Recent messages in one statement: of two sessions selecting at once, "
                    + "each message is \\Recent in exactly one (RFC 3501 §2.3.2). EXAMINE claims nothing. The answer has the "
                    + "UID list as ranges, so the gateway opens a mailbox by name in one call.")
    @APIResponse(responseCode = "200", description = "The mailbox as the session opens it")
    @APIResponse(responseCode = "400", description = "invalid_request: readOnly is missing")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    public Uni<SelectAnswer> select(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                    @Parameter(description = InternalApi.MAILBOX_ID) @RestPath String id,
                                    @Parameter(description = "The mailbox name with by-name") @RestQuery String name,
                                    SelectRequest request) {
        if (request == null || request.readOnly() == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "readOnly (true or false) is required");
        }
        return sync.open(address, MailboxKey.parse(id, name), request.readOnly()).map(SelectAnswer::of);
    }
}
