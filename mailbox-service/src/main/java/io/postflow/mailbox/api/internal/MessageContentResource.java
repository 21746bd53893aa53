package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.ContentSlice;
import io.postflow.mailbox.domain.mail.MessageContent;
import io.postflow.mailbox.domain.mail.Section;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The bytes of a message or of one of its sections, for FETCH BODY[section]&lt;partial&gt;,
 * RFC822, RFC822.HEADER, RFC822.TEXT and POP3 RETR/TOP. The answer is streamed in chunks as the
 * connection takes them, with its exact Content-Length sent first: the gateway writes the IMAP
 * literal's size before its bytes.
 */
@Path(MessagePaths.MAILBOX + "/messages/{uid}/content")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class MessageContentResource {

    private final MessageContent content;

    MessageContentResource(MessageContent content) {
        this.content = content;
    }

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Octets of a message or section, optionally a partial range of them",
            description = "The served bytes are the entry's trace prefix (Return-Path:, Delivered-To:) followed by the "
                    + "message as received: RFC822.SIZE long. Sections per RFC 3501 §6.4.5: \"\" (the whole message), HEADER "
                    + "(prefix and message header), TEXT, 1.2, 1.2.MIME, 1.2.HEADER, 1.2.TEXT. A section the message does "
                    + "not have is empty. offset/length (IMAP <o.l>) apply within the section. HEADER.FIELDS is filtered "
                    + "by the gateway from HEADER (or from the metadata fetch's header field).")
    @APIResponse(responseCode = "200", description = "The octets, with their exact Content-Length")
    @APIResponse(responseCode = "400", description = "Invalid section, offset or length")
    @APIResponse(responseCode = "404", description = "No such mailbox or UID (nonexistent)")
    public RestMulti<Buffer> read(
            @Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
            @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
            @Parameter(description = "The message's UID") @RestPath long uid,
            @Parameter(description = "Section specifier; empty or absent for the whole message") @RestQuery String section,
            @Parameter(description = "First octet within the section (partial fetch)") @RestQuery Long offset,
            @Parameter(description = "Most octets (partial fetch)") @RestQuery Long length) {
        Section parsed = Section.parse(section);
        return RestMulti.fromUniResponse(content.open(MessagePaths.account(address), id, uid, parsed, offset, length),
                ContentSlice::bytes, MessageContentResource::headers);
    }

    /**
     * A known length instead of chunked transfer coding: the streaming writer marks the response
     * chunked, and an empty value list removes that header again, so the connection carries
     * exactly Content-Length octets.
     */
    private static Map<String, List<String>> headers(ContentSlice slice) {
        return Map.of(HttpHeaders.CONTENT_LENGTH, List.of(Long.toString(slice.length())),
                "Transfer-Encoding", List.of());
    }
}
