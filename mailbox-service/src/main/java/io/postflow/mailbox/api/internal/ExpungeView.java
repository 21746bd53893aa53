package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.Expunged;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The removed UIDs, ascending, and the mailbox's HIGHESTMODSEQ afterwards. */
@Schema(name = "ExpungeResult")
public record ExpungeView(List<Long> expunged, long highestModseq) {

    static ExpungeView of(Expunged expunged) {
        return new ExpungeView(expunged.uids(), expunged.mailbox().highestModseq());
    }
}
