package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.FlagUpdater;
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

/** STORE and UID STORE, with the CONDSTORE condition. */
@Path(MessagePaths.MAILBOX + "/flags")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class FlagsResource {

    private final FlagUpdater updater;

    FlagsResource(FlagUpdater updater) {
        this.updater = updater;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Set, add or remove flags and keywords of the messages in a UID set (STORE)",
            description = "Messages whose flags change get one new MODSEQ, the mailbox's new HIGHESTMODSEQ; the others keep "
                    + "theirs. With unchangedSince, messages whose MODSEQ is greater are left alone and listed in modified "
                    + "(RFC 7162 §3.1.3). UIDs of the set that do not exist are ignored.")
    @APIResponse(responseCode = "200", description = "{\"highestModseq\",\"updated\":[...],\"unchanged\":[...],\"modified\":[...]}")
    @APIResponse(responseCode = "400", description = "Invalid UID set, mode, flag or keyword, or an unknown field")
    @APIResponse(responseCode = "404", description = "No such mailbox (nonexistent)")
    public Uni<FlagsView> store(@Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
                                @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
                                FlagsRequest request) {
        return updater.store(MessagePaths.account(address), id, MessagePaths.required(request, "request body").toChange())
                .map(FlagsView::of);
    }
}
