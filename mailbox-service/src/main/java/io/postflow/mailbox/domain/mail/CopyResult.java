package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * What a COPY or MOVE did.
 *
 * @param targetId    the target mailbox (COPY may name it)
 * @param uidValidity the target's UIDVALIDITY, for COPYUID (RFC 4315 §3)
 * @param mapping     source UID → new target UID, in source UID order; empty when the set matched
 *                    nothing (RFC 4315: then no COPYUID is sent)
 * @param target      the target after the copy
 * @param moved       for MOVE, the entries removed from the source and the source afterwards;
 *                    null for COPY
 */
public record CopyResult(long targetId, long uidValidity, List<UidPair> mapping, MailboxState target, Expunged moved) {

    /** One copied message. */
    public record UidPair(long source, long target) {
    }

    public CopyResult {
        mapping = List.copyOf(mapping);
    }
}
