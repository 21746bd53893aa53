package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MessageCopier;
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

/** COPY, UID COPY, MOVE and UID MOVE. */
@Path(MessagePaths.MAILBOX + "/copy")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class CopyResource {

    private final MessageCopier copier;

    CopyResource(MessageCopier copier) {
        this.copier = copier;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Copy or move the messages of a UID set to another mailbox of the account",
            description = "Copies keep flags, keywords and internal date, and get new UIDs (COPYUID, RFC 4315). A copy counts "
                    + "against the account's quota; a move does not. A move removes the originals in the same transaction "
                    + "(RFC 6851).")
    @APIResponse(responseCode = "200", description = "{\"uidValidity\",\"mapping\":[[src,dst],...]} (+ \"expunged\", \"highestModseq\" for a move)")
    @APIResponse(responseCode = "400", description = "Invalid UID set, no target or both target and targetName, or an "
            + "unknown field")
    @APIResponse(responseCode = "404", description = "No such source mailbox, or no such target (nonexistent: [TRYCREATE])")
    @APIResponse(responseCode = "422", description = "Over quota (over_quota: [OVERQUOTA], RFC 9208)")
    public Uni<CopyView> copy(@Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
                              @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
                              CopyRequest request) {
        CopyRequest body = MessagePaths.required(request, "request body");
        UidSet uids = UidSet.parse(MessagePaths.required(body.uids(), "uids"));
        if ((body.target() == null) == (body.targetName() == null)) {
            throw new MailRejection(MailRejection.Code.INVALID, "one of target and targetName is required");
        }
        MailboxKey target = body.target() != null ? MailboxKey.of(body.target()) : MailboxKey.named(body.targetName());
        return copier.copy(MessagePaths.account(address), id, uids, target, Boolean.TRUE.equals(body.move()))
                .map(CopyView::of);
    }
}
