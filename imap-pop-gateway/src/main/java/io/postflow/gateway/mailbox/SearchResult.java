package io.postflow.gateway.mailbox;

import java.util.List;

/**
 * The UIDs a SEARCH found, ascending.
 *
 * @param maxModseq with a MODSEQ key and matches, their highest MODSEQ (RFC 7162 §3.1.6), else null
 */
public record SearchResult(List<Long> uids, Long maxModseq) {
}
