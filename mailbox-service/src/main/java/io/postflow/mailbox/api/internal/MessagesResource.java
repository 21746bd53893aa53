package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.AppendRequest;
import io.postflow.mailbox.domain.mail.InternalDates;
import io.postflow.mailbox.domain.mail.Keywords;
import io.postflow.mailbox.domain.mail.MailboxKey;
import io.postflow.mailbox.domain.mail.MessageAppender;
import io.postflow.mailbox.domain.mail.MetadataField;
import io.postflow.mailbox.domain.mail.MetadataRequest;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.domain.mail.UidSet;
import io.postflow.mailbox.persistence.MetadataQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The messages of a mailbox for the IMAP gateway: metadata of UID ranges (FETCH without bodies,
 * one call per page whatever the number of messages) and APPEND.
 */
@Path(MessagePaths.MAILBOX + "/messages")
@Tag(name = "messages", description = "Internal API: messages of a mailbox (IMAP FETCH, APPEND)")
@SecurityScheme(securitySchemeName = MessagePaths.SECURITY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "postflow.internal.token ($POSTFLOW_HOME/internal-token with mailctl)")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class MessagesResource {

    private final MetadataQuery metadata;
    private final MessageAppender appender;

    MessagesResource(MetadataQuery metadata, MessageAppender appender) {
        this.metadata = metadata;
        this.appender = appender;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Metadata of the messages in a UID set, in UID order, paged",
            description = "FETCH UID/FLAGS/INTERNALDATE/RFC822.SIZE/MODSEQ, plus ENVELOPE, BODYSTRUCTURE, BODY, the part "
                    + "table and the header bytes when asked for in fields. With CHANGEDSINCE (RFC 7162 §3.1.4) only messages "
                    + "whose MODSEQ is greater. Pass the answer's next as afterUid for the next page.")
    @APIResponse(responseCode = "200", description = "A page: {\"messages\":[...],\"next\":afterUid|null}")
    @APIResponse(responseCode = "400", description = "Invalid UID set, field, limit or number")
    @APIResponse(responseCode = "404", description = "No such mailbox (error nonexistent)")
    public Uni<MessagePageView> list(
            @Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
            @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath String id,
            @Parameter(description = "UID set in IMAP syntax: 1:*, 3,5:9, * (the highest UID)", required = true)
            @RestQuery String uids,
            @Parameter(description = "Comma list of envelope, bodyStructure, body, headerSize, parts, header")
            @RestQuery String fields,
            @Parameter(description = "Only messages with MODSEQ greater than this (CHANGEDSINCE)") @RestQuery Long changedSince,
            @Parameter(description = "Most messages per page: 1 to 5000, default 1000") @RestQuery Integer limit,
            @Parameter(description = "Only UIDs above this one: the previous page's next") @RestQuery Long afterUid) {
        MetadataRequest request = new MetadataRequest(UidSet.parse(uids), MetadataField.parse(fields), changedSince,
                limit == null ? MetadataRequest.DEFAULT_LIMIT : limit, afterUid == null ? 0 : afterUid);
        return metadata.page(MessagePaths.account(address), MailboxKey.idOnly(id), request).map(MessagePageView::of);
    }

    @POST
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "APPEND a message (RFC 3501 §6.3.11), answering APPENDUID data (RFC 4315 §3)",
            description = "The body is the message as the client sent it, stored without a trace prefix. Counts against "
                    + "the account's quota; larger than postflow.smtp.max-message-size is refused. The mailbox may be named "
                    + "(…/mailboxes/by-name/messages?name=X). INTERNALDATE is answered in the zone of internalDate; without "
                    + "one, the message gets the current time in the server's zone.")
    @RequestBody(description = "The raw message")
    @APIResponse(responseCode = "201", description = "{\"uidValidity\",\"uid\"}")
    @APIResponse(responseCode = "400", description = "Empty or too large message, invalid flag, keyword or date")
    @APIResponse(responseCode = "404", description = "No such mailbox (nonexistent: the gateway says [TRYCREATE])")
    @APIResponse(responseCode = "422", description = "Over quota (over_quota: IMAP [OVERQUOTA], RFC 9208)")
    public Uni<RestResponse<AppendView>> append(
            @Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
            @Parameter(description = MessagePaths.MAILBOX_ID + ", or by-name") @RestPath String id,
            @Parameter(description = "The mailbox name with by-name (APPEND in one call)") @RestQuery String name,
            @Parameter(description = "System flags to set, repeatable: \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft")
            @RestQuery List<String> flags,
            @Parameter(description = "Keywords to set, repeatable") @RestQuery List<String> keywords,
            @Parameter(description = "INTERNALDATE: IMAP date-time (\" 7-Feb-1994 21:52:25 -0800\") or ISO-8601 with offset")
            @RestQuery String internalDate,
            byte[] message) {
        AppendRequest request = new AppendRequest(message, SystemFlags.bits(flags == null ? List.of() : flags), Keywords.validated(keywords),
                internalDate == null ? null : InternalDates.parse(internalDate));
        return appender.append(MessagePaths.account(address), MailboxKey.parse(id, name), request)
                .map(appended -> RestResponse.status(RestResponse.Status.CREATED, new AppendView(appended.mailboxId(),
                        appended.uidValidity(), appended.uid())));
    }
}
