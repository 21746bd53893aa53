package io.postflow.mailbox.api.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A FETCH with bodies: {@code {"uids","fields","sections":[{"section","offset","length"}],"markSeen"}}.
 *
 * @param fields   optional metadata items as for the metadata call ({@code envelope,header,...})
 * @param sections the sections to stream for each message, in the order their octets come
 * @param markSeen     a non-PEEK fetch: set \Seen on the set first (RFC 3501 §6.4.5)
 * @param changedSince CHANGEDSINCE (RFC 7162 §3.1.4): only messages whose MODSEQ is greater
 */
@Schema(name = "FetchRequest")
public record FetchRequest(
        @Schema(description = "UID set in IMAP syntax", required = true) String uids,
        @Schema(description = "Comma list of envelope, bodyStructure, body, headerSize, parts, header") String fields,
        @Schema(description = "Sections per message, in order") List<SectionItem> sections,
        @Schema(description = "Set \\\\Seen on the set before reading (non-PEEK fetch); default false") Boolean markSeen,
        @Schema(description = "Only messages with MODSEQ greater than this, tested after \\\\Seen is set (CHANGEDSINCE)",
                nullable = true) Long changedSince) {

    /**
     * One section: {@code ""} (whole message), HEADER, TEXT, 1.2, 1.2.MIME, 1.2.HEADER, 1.2.TEXT;
     * offset/length for a partial fetch.
     */
    @Schema(name = "FetchSection")
    public record SectionItem(String section, Long offset, Long length) {
    }
}
