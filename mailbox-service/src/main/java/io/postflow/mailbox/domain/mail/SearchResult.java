package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * The messages a search found.
 *
 * @param uids          ascending
 * @param highestModseq the mailbox's HIGHESTMODSEQ in the same snapshot
 * @param maxModseq     the highest MODSEQ among the matches, when the criteria used MODSEQ
 *                      (RFC 7162 §3.1.5: SEARCH answers "(MODSEQ n)"); null otherwise or when
 *                      nothing matched
 */
public record SearchResult(List<Long> uids, long highestModseq, Long maxModseq) {

    public SearchResult {
        uids = List.copyOf(uids);
    }
}
