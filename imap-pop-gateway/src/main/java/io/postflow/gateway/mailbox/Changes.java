package io.postflow.gateway.mailbox;

import java.util.List;

/** What changed in a mailbox after a MODSEQ, as of {@code highestModseq} (all pages joined). */
public record Changes(long highestModseq, long uidNext, List<FlagState> changed, List<Long> expunged) {
}
