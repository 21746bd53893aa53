package io.postflow.gateway.mailbox;

import java.util.List;

/**
 * COPYUID data (RFC 4315): target UIDVALIDITY and [source, target] UID pairs in source order, and
 * the target's id (COPY names it).
 */
public record CopyResult(long targetId, long uidValidity, List<long[]> mapping) {
}
