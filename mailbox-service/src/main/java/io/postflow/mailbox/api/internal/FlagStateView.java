package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.FlagState;
import io.postflow.mailbox.domain.mail.SystemFlags;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message's flags and MODSEQ after a STORE: what an untagged FETCH (FLAGS ... MODSEQ ...) says. */
@Schema(name = "FlagState")
public record FlagStateView(long uid, List<String> flags, List<String> keywords, long modseq) {

    static FlagStateView of(FlagState state) {
        return new FlagStateView(state.uid(), SystemFlags.names(state.flags()), state.keywords(), state.modseq());
    }
}
