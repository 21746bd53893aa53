package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * What changed in a mailbox after a MODSEQ, as of {@code highestModseq} (RFC 7162 §3.1.4.1).
 *
 * @param changed  messages whose flags, keywords or presence changed, by (modseq, uid)
 * @param expunged UIDs removed, ascending
 * @param more     {@code changed} was cut at the limit: ask again from its last entry
 * @param recentFrom with a \Recent claim, the first UID claimed (the claim runs up to
 *                   {@code uidNext - 1} and is empty when it is not below); null without a claim
 */
public record MailboxChanges(long highestModseq, long uidNext, int messages, List<Entry> changed, List<Long> expunged,
                             boolean more, Long recentFrom) {

    public MailboxChanges {
        changed = List.copyOf(changed);
        expunged = List.copyOf(expunged);
    }

    /** A message as it is now; {@code flags} are {@link SystemFlags} bits. */
    public record Entry(long uid, int flags, List<String> keywords, long modseq) {

        public Entry {
            keywords = List.copyOf(keywords);
        }
    }
}
