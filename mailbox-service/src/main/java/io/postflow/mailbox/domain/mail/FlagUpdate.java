package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * What a STORE did, each list in UID order.
 *
 * @param highestModseq the mailbox's HIGHESTMODSEQ after the call
 * @param uidNext       the mailbox's UIDNEXT
 * @param updated       messages whose flags changed; they carry the call's new MODSEQ
 * @param unchanged     messages of the set that already had the requested flags: neither changed
 *                      nor given a new MODSEQ, listed so a non-silent STORE can answer with every
 *                      message's flags (RFC 3501 §6.4.6)
 * @param modified      messages that failed UNCHANGEDSINCE (RFC 7162 §3.1.3 [MODIFIED])
 */
public record FlagUpdate(long highestModseq, long uidNext, List<FlagState> updated, List<FlagState> unchanged,
                         List<Long> modified) {

    public FlagUpdate {
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        modified = List.copyOf(modified);
    }
}
