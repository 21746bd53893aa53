package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.SelectedMailbox;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What SELECT/EXAMINE report (RFC 3501 §6.3.1; [HIGHESTMODSEQ], RFC 7162 §3.1.2.1).
 *
 * @param firstUnseen lowest UID without \Seen, or null (for [UNSEEN n], as a UID: map it to a
 *                    sequence number)
 * @param recentUids  {@code [from, to]}: the UIDs in this range that exist are \Recent in this
 *                    session; null when none. For EXAMINE, the range no session has claimed yet.
 * @param keywords    keywords set on at least one message, for FLAGS and PERMANENTFLAGS
 * @param uids        every UID below uidNext, ascending, as IMAP set ranges ("1:4,7,9:12"; "" when
 *                    empty): the session's sequence numbers, without a second call
 */
@Schema(name = "InternalSelectedMailbox")
public record SelectAnswer(long id, String name, long uidValidity, long uidNext, long highestModseq, int messages,
                           int unseen, Long firstUnseen, List<Long> recentUids, List<String> keywords, String uids) {

    static SelectAnswer of(SelectedMailbox m) {
        List<Long> recent = m.hasRecent() ? List.of(m.recentFrom(), m.uidNext() - 1) : null;
        return new SelectAnswer(m.id(), m.name(), m.uidValidity(), m.uidNext(), m.highestModseq(), m.messages(),
                m.unseen(), m.firstUnseen(), recent, m.keywords(), m.uids());
    }
}
