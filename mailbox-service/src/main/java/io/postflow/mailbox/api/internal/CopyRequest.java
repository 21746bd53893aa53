package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** COPY or MOVE: {@code {"uids","target"|"targetName","move"}}. */
@Schema(name = "CopyRequest")
public record CopyRequest(
        @Schema(description = "UID set in IMAP syntax", required = true) String uids,
        @Schema(description = "Id of the target mailbox of the same account; or give targetName") Long target,
        @Schema(description = "Name of the target mailbox (COPY in one call, no lookup first); or give target")
        String targetName,
        @Schema(description = "true for MOVE (RFC 6851); default false") Boolean move) {
}
