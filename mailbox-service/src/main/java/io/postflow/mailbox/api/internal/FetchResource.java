package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.postflow.mailbox.domain.mail.ContentSlice;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MessageFetcher;
import io.postflow.mailbox.domain.mail.MetadataField;
import io.postflow.mailbox.domain.mail.Section;
import io.postflow.mailbox.domain.mail.UidSet;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;

/**
 * FETCH with bodies for a UID set in one call, streamed as frames (README "Internal mailbox
 * API"): per message one line of JSON, {@code {"message":{…metadata…},"sections":[n0,n1,…]}}
 * and a line feed, followed by exactly n0 + n1 + … octets, the sections in request order; after
 * the last message the line {@code {"end":true}}. A response that ends without that line was cut
 * off. The octets are read as the connection takes them.
 */
@Path(MessagePaths.MAILBOX + "/fetch")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class FetchResource {

    /** The media type of the framed stream. */
    public static final String FRAMES = "application/vnd.postflow.fetch";
    private static final Buffer END = Buffer.buffer("{\"end\":true}\n");

    private final MessageFetcher fetcher;
    private final ObjectMapper json;

    FetchResource(MessageFetcher fetcher, ObjectMapper json) {
        this.fetcher = fetcher;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(FRAMES)
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "Metadata and section octets of a UID set, as one stream (FETCH with bodies)",
            description = "Frames: per message a JSON line {\"message\":{…as the metadata call…},\"sections\":[lengths]} "
                    + "then the sections' octets back to back; last the line {\"end\":true}. With markSeen the set gets "
                    + "\\\\Seen first and the metadata shows the new flags and MODSEQs (a non-PEEK FETCH in one call). "
                    + "Sections as for the content call; HEADER.FIELDS is filtered by the gateway from HEADER. With "
                    + "changedSince (RFC 7162 §3.1.4) only messages whose MODSEQ is greater, after \\\\Seen is set.")
    @APIResponse(responseCode = "200", description = "The frames")
    @APIResponse(responseCode = "400", description = "Invalid UID set, field, section, offset or length, or an unknown field")
    @APIResponse(responseCode = "404", description = "No such mailbox (nonexistent)")
    public RestMulti<Buffer> fetch(@Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
                                   @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
                                   FetchRequest request) {
        FetchRequest body = MessagePaths.required(request, "request body");
        List<MessageFetcher.SectionRequest> sections = new ArrayList<>();
        for (FetchRequest.SectionItem item : body.sections() == null ? List.<FetchRequest.SectionItem>of() : body.sections()) {
            if (item == null) {
                throw new MailRejection(MailRejection.Code.INVALID, "a section is null");
            }
            sections.add(new MessageFetcher.SectionRequest(Section.parse(item.section()), item.offset(), item.length()));
        }
        MessageFetcher.FetchRequest fetch = new MessageFetcher.FetchRequest(
                UidSet.parse(MessagePaths.required(body.uids(), "uids")), MetadataField.parse(body.fields()), sections,
                Boolean.TRUE.equals(body.markSeen()), body.changedSince());
        return RestMulti.fromUniResponse(fetcher.fetch(address, id, fetch), this::frames,
                ignored -> Map.of("Content-Type", List.of(FRAMES)));
    }

    private Multi<Buffer> frames(Multi<MessageFetcher.Fetched> messages) {
        return Multi.createBy().concatenating().streams(
                messages.onItem().transformToMultiAndConcatenate(this::frame),
                Multi.createFrom().item(END));
    }

    private Multi<Buffer> frame(MessageFetcher.Fetched fetched) {
        List<Long> lengths = fetched.sections().stream().map(ContentSlice::length).toList();
        Buffer head;
        try {
            head = Buffer.buffer(json.writeValueAsBytes(new Frame(MessageView.of(fetched.metadata()), lengths)))
                    .appendByte((byte) '\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fetch frame", e);
        }
        List<Multi<Buffer>> parts = new ArrayList<>();
        parts.add(Multi.createFrom().item(head));
        fetched.sections().forEach(slice -> parts.add(slice.bytes()));
        return Multi.createBy().concatenating().streams(parts);
    }

    /** The JSON line before a message's octets. */
    @RegisterForReflection
    record Frame(MessageView message, List<Long> sections) {
    }
}
