package io.postflow.gateway.mailbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a STORE did.
 *
 * @param updated   messages whose flags changed, with their new MODSEQ
 * @param unchanged messages that already had the result: MODSEQ kept
 * @param modified  UIDs that failed UNCHANGEDSINCE (RFC 7162 §3.1.3 [MODIFIED])
 */
public record StoreResult(List<FlagState> updated, List<FlagState> unchanged, List<Long> modified) {

    /** Updated and unchanged together, in UID order: what a non-silent STORE reports. */
    public List<FlagState> all() {
        List<FlagState> out = new ArrayList<>(updated);
        out.addAll(unchanged);
        out.sort(Comparator.comparingLong(FlagState::uid));
        return out;
    }
}
