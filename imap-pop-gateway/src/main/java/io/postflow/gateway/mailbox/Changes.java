package io.postflow.gateway.mailbox;

import java.util.List;

/**
 * What changed in a mailbox after a MODSEQ, as of {@code highestModseq} (all pages joined).
 *
 * @param recent the UIDs {@code [from, to]} this session claimed as \Recent, or null
 */
public record Changes(long highestModseq, long uidNext, List<FlagState> changed, List<Long> expunged, long[] recent) {
}
