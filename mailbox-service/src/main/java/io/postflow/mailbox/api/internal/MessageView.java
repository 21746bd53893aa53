package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.postflow.mailbox.domain.mail.MessageMetadata;
import io.postflow.mailbox.domain.mail.ServedPartTable;
import io.postflow.mailbox.domain.mail.SystemFlags;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a metadata page; the optional items appear only when asked for in {@code fields}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Message")
public record MessageView(
        long uid,
        @Schema(description = "System flags, e.g. [\"\\\\Seen\"]") List<String> flags,
        List<String> keywords,
        long modseq,
        @Schema(description = "INTERNALDATE, ISO-8601 with offset") OffsetDateTime internalDate,
        @Schema(description = "RFC822.SIZE: trace prefix plus message") long size,
        @Schema(description = "IMAP ENVELOPE, ready to send (UTF-8)") String envelope,
        @Schema(description = "IMAP BODYSTRUCTURE, ready to send (UTF-8)") String bodyStructure,
        @Schema(description = "IMAP BODY (non-extensible), ready to send (UTF-8)") String body,
        @Schema(description = "Octets of the served header: trace prefix plus message header") Integer headerSize,
        @Schema(description = "Part table: [{section, headerStart, bodyStart, end, lines[, innerHeaderEnd]}], offsets into the served bytes")
        JsonNode parts,
        @Schema(description = "The served header bytes (base64): BODY[HEADER], to filter for HEADER.FIELDS") byte[] header) {

    static MessageView of(MessageMetadata m) {
        return new MessageView(m.uid(), SystemFlags.names(m.flags()), m.keywords(), m.modseq(), m.internalDate(), m.size(),
                m.envelope(), m.bodyStructure(), m.body(), m.headerSize(),
                m.parts() == null ? null : ServedPartTable.of(m.parts(), m.prefixLength()).json(), m.header());
    }
}
