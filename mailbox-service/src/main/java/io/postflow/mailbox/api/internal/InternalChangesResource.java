package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxSync;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "What changed since MODSEQ n": how a session catches up after a mailbox event or for CONDSTORE. */
@Path(InternalApi.BASE + "/accounts/{address}/mailboxes/{id: [0-9]+}/changes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: mailboxes")
public class InternalChangesResource {

    private final MailboxSync sync;

    InternalChangesResource(MailboxSync sync) {
        this.sync = sync;
    }

    /**
     * {@code GET .../mailboxes/{id}/changes?sinceModseq=N[&limit=L][&afterUid=U]} →
     * {@code {"highestModseq","uidNext","messages","changed":[{"uid","flags","keywords","modseq"}],
     * "expunged":[uid],"more","recentUids"}}.
     */
    @GET
    @Operation(summary = "Changes of a mailbox after a MODSEQ (RFC 7162 CHANGEDSINCE)",
            description = "changed: entries with a MODSEQ above sinceModseq (new messages included), by (modseq, uid), at "
                    + "most limit; expunged: UIDs removed after sinceModseq. With more=true, continue with sinceModseq and "
                    + "afterUid of the last changed entry.")
    @APIResponse(responseCode = "200", description = "The changes, as of highestModseq")
    @APIResponse(responseCode = "400", description = "invalid_request: sinceModseq missing, or a parameter out of range")
    @APIResponse(responseCode = "404", description = "nonexistent: no such account or mailbox")
    @APIResponse(responseCode = "410", description = "changes_pruned: expunges after sinceModseq were pruned from the "
            + "expunge log (older than postflow.store.expunge-log.retention); the caller must resynchronise from a "
            + "new SELECT (the IMAP gateway closes the session with BYE)")
    public Uni<ChangesAnswer> changes(@Parameter(description = InternalApi.ACCOUNT) @RestPath String address,
                                      @Parameter(description = InternalApi.MAILBOX_ID) @RestPath long id,
                                      @Parameter(description = "The MODSEQ the session knows (0: everything)",
                                              required = true, schema = @Schema(type = SchemaType.INTEGER))
                                      @RestQuery String sinceModseq,
                                      @Parameter(description = "Continue after this UID within sinceModseq (paging)",
                                              schema = @Schema(type = SchemaType.INTEGER))
                                      @RestQuery String afterUid,
                                      @Parameter(description = "At most this many changed entries, 1 to "
                                              + MailboxSync.MAX_LIMIT + "; default " + MailboxSync.DEFAULT_LIMIT,
                                              schema = @Schema(type = SchemaType.INTEGER))
                                      @RestQuery String limit,
                                      @Parameter(description = "true from a read-write session: claim the messages no "
                                              + "session has claimed as \\Recent yet (answered as recentUids). Not "
                                              + "idempotent: a repeated call claims nothing more.")
                                      @RestQuery boolean claimRecent) {
        return sync.changes(address, id, number(sinceModseq, "sinceModseq"), number(afterUid, "afterUid"),
                number(limit, "limit"), claimRecent).map(ChangesAnswer::of);
    }

    /**
     * Parsed here rather than by the framework, which answers a malformed query parameter with a
     * bare 404: a malformed number is a JSON 400 like every other refusal of this API.
     */
    private static Long number(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MailRejection(MailRejection.Code.INVALID, name + " must be a number");
        }
    }
}
