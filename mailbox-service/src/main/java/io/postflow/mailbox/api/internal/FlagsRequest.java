package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.FlagChange;
import io.postflow.mailbox.domain.mail.FlagMode;
import io.postflow.mailbox.domain.mail.Keywords;
import io.postflow.mailbox.domain.mail.SystemFlags;
import io.postflow.mailbox.domain.mail.UidSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** STORE: {@code {"uids","mode","flags","keywords","unchangedSince"}}. */
@Schema(name = "FlagsRequest")
public record FlagsRequest(
        @Schema(description = "UID set in IMAP syntax", required = true) String uids,
        @Schema(description = "replace (FLAGS), add (+FLAGS) or remove (-FLAGS)", required = true) String mode,
        @Schema(description = "System flags: \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft") List<String> flags,
        @Schema(description = "Keywords (IMAP atoms)") List<String> keywords,
        @Schema(description = "CONDSTORE UNCHANGEDSINCE (RFC 7162 §3.1.3)", nullable = true) Long unchangedSince) {

    FlagChange toChange() {
        return new FlagChange(UidSet.parse(MessagePaths.required(uids, "uids")), FlagMode.parse(mode),
                SystemFlags.bits(flags == null ? List.of() : flags), Keywords.validated(keywords), unchangedSince);
    }
}
