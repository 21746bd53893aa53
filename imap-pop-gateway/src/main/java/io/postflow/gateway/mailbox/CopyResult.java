package io.postflow.gateway.mailbox;

import java.util.List;

/** COPYUID data (RFC 4315): target UIDVALIDITY and [source, target] UID pairs in source order. */
public record CopyResult(long uidValidity, List<long[]> mapping) {
}
