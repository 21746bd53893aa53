package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.Pop3Maildrops;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The POP3 maildrop (RFC 1939): lock and list at login, renew while the session lives, remove the
 * marked messages and unlock at QUIT, or just unlock when the connection drops (§6: nothing is
 * deleted then).
 */
@Path(InternalApi.BASE + "/accounts/{address}/maildrop")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: POP3 maildrop")
public class MaildropResource {

    private static final String LEASE = "The lease token the open call answered";

    private final Pop3Maildrops maildrops;

    MaildropResource(Pop3Maildrops maildrops) {
        this.maildrops = maildrops;
    }

    @POST
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Lock the account's INBOX for one POP3 session and list it",
            description = "Takes the lease when nobody holds it or the holder's lease expired, and lists UID and "
                    + "RFC822.SIZE of every INBOX message in the same transaction.")
    @APIResponse(responseCode = "200", description = "{\"lease\",\"mailboxId\",\"uidValidity\",\"messages\":[[uid,size],…]}")
    @APIResponse(responseCode = "400", description = "invalid_request: holder or ttlMillis missing or out of range")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account")
    @APIResponse(responseCode = "409", description = "in_use: another session holds a live lease (POP3 [IN-USE])")
    public Uni<MaildropAnswer> open(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                    MaildropRequests.Open request) {
        MaildropRequests.Open body = MessagePaths.required(request, "body");
        String holder = MessagePaths.required(body.holder(), "holder");
        return maildrops.open(MessagePaths.account(address), holder, ttl(body.ttlMillis())).map(MaildropAnswer::of);
    }

    @POST
    @Path("{lease}/renew")
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Extend the lease to ttlMillis from now")
    @APIResponse(responseCode = "204", description = "Renewed")
    @APIResponse(responseCode = "409", description = "cannot: the lease is gone (released, or expired and taken)")
    public Uni<Void> renew(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                           @Parameter(description = LEASE) @RestPath String lease, MaildropRequests.Renew request) {
        MaildropRequests.Renew body = MessagePaths.required(request, "body");
        return maildrops.renew(MessagePaths.account(address), token(lease), ttl(body.ttlMillis()));
    }

    @DELETE
    @Path("{lease}")
    @Operation(summary = "Release the lease without deleting anything (a dropped connection, RFC 1939 §6)")
    @APIResponse(responseCode = "204", description = "Released, or it was not held")
    public Uni<Void> release(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                             @Parameter(description = LEASE) @RestPath String lease) {
        return maildrops.release(MessagePaths.account(address), token(lease));
    }

    @POST
    @Path("{lease}/quit")
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "QUIT: remove exactly the marked messages and release the lease, atomically",
            description = "The UIDs are removed whatever their flags, recorded as expunged (CONDSTORE/QRESYNC) and "
                    + "announced on mailbox.events; UIDs that are gone already are ignored.")
    @APIResponse(responseCode = "200", description = "{\"expunged\":[uids ascending],\"highestModseq\"}")
    @APIResponse(responseCode = "404", description = "nonexistent: the mailbox is not the account's")
    @APIResponse(responseCode = "409", description = "cannot: the lease is gone; nothing was removed")
    public Uni<ExpungeView> quit(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                 @Parameter(description = LEASE) @RestPath String lease, MaildropRequests.Quit request) {
        MaildropRequests.Quit body = MessagePaths.required(request, "body");
        long mailboxId = MessagePaths.required(body.mailboxId(), "mailboxId");
        List<Long> uids = MessagePaths.required(body.uids(), "uids");
        if (uids.stream().anyMatch(uid -> uid == null || uid < 1 || uid > 4294967295L)) {
            throw new MailRejection(MailRejection.Code.INVALID, "uids must be between 1 and 4294967295");
        }
        return maildrops.quit(MessagePaths.account(address), token(lease), mailboxId, uids).map(ExpungeView::of);
    }

    private static Duration ttl(Long millis) {
        return Duration.ofMillis(MessagePaths.required(millis, "ttlMillis"));
    }

    private static UUID token(String lease) {
        try {
            return UUID.fromString(lease);
        } catch (IllegalArgumentException e) {
            throw new MailRejection(MailRejection.Code.INVALID, "malformed lease token");
        }
    }
}
