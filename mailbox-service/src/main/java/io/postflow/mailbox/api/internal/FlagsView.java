package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.FlagUpdate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a STORE, each list in UID order. */
@Schema(name = "FlagsResult")
public record FlagsView(
        @Schema(description = "The mailbox's HIGHESTMODSEQ after the call") long highestModseq,
        @Schema(description = "Messages whose flags changed, with their new MODSEQ") List<FlagStateView> updated,
        @Schema(description = "Messages of the set that already had the result: no change, MODSEQ kept") List<FlagStateView> unchanged,
        @Schema(description = "UIDs that failed UNCHANGEDSINCE: IMAP [MODIFIED ...] (RFC 7162 §3.1.3)") List<Long> modified) {

    static FlagsView of(FlagUpdate update) {
        return new FlagsView(update.highestModseq(), update.updated().stream().map(FlagStateView::of).toList(),
                update.unchanged().stream().map(FlagStateView::of).toList(), update.modified());
    }
}
