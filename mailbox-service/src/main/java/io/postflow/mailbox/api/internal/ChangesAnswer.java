package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailboxChanges;
import io.postflow.mailbox.domain.mail.SystemFlags;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The changes of a mailbox after a MODSEQ, as of {@code highestModseq}: remember that value and
 * ask "since" it next time. New messages are among {@code changed} (their UIDs are at or above
 * the UIDNEXT the session knew).
 *
 * @param changed  entries with a MODSEQ above the one asked for, by (modseq, uid)
 * @param expunged UIDs expunged after the MODSEQ asked for, ascending
 * @param more     {@code changed} stopped at the limit: ask again with {@code sinceModseq} and
 *                 {@code afterUid} of its last entry before taking {@code highestModseq}
 * @param recentUids with {@code claimRecent}: {@code [from, to]}, the UIDs in this range that exist
 *                   are \Recent in the calling session only; null when nothing was claimed
 */
@Schema(name = "InternalMailboxChanges")
public record ChangesAnswer(long highestModseq, long uidNext, int messages, List<ChangedMessage> changed,
                            List<Long> expunged, boolean more, List<Long> recentUids) {

    /**
     * A message as it is now.
     *
     * @param flags    system flags such as {@code \Seen}
     * @param keywords the other flags (RFC 3501 §2.3.2 keywords)
     */
    @Schema(name = "InternalChangedMessage")
    public record ChangedMessage(long uid, List<String> flags, List<String> keywords, long modseq) {
    }

    static ChangesAnswer of(MailboxChanges c) {
        return new ChangesAnswer(c.highestModseq(), c.uidNext(), c.messages(), c.changed().stream()
                .map(e -> new ChangedMessage(e.uid(), SystemFlags.names(e.flags()), e.keywords(), e.modseq()))
                .toList(), c.expunged(), c.more(),
                c.recentFrom() != null && c.recentFrom() < c.uidNext() ? List.of(c.recentFrom(), c.uidNext() - 1) : null);
    }
}
