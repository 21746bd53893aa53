package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MessageExpunger;
import io.postflow.mailbox.domain.mail.UidSet;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
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

/** EXPUNGE, UID EXPUNGE, and the expunge of CLOSE. */
@Path(MessagePaths.MAILBOX + "/expunge")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class ExpungeResource {

    private final MessageExpunger expunger;

    ExpungeResource(MessageExpunger expunger) {
        this.expunger = expunger;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Remove the messages flagged \\Deleted, all of them or those of a UID set",
            description = "Each removed UID is recorded with the mailbox's new MODSEQ for CONDSTORE/QRESYNC resynchronisation; "
                    + "the account gets the bytes back; bodies nobody references any more are deleted after a grace period.")
    @APIResponse(responseCode = "200", description = "{\"expunged\":[uids ascending],\"highestModseq\"}")
    @APIResponse(responseCode = "400", description = "Invalid UID set or an unknown field")
    @APIResponse(responseCode = "404", description = "No such mailbox (nonexistent)")
    public Uni<ExpungeView> expunge(@Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
                                    @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
                                    ExpungeRequest request) {
        UidSet uids = request == null || request.uids() == null ? null : UidSet.parse(request.uids());
        return expunger.expunge(MessagePaths.account(address), id, uids).map(ExpungeView::of);
    }
}
