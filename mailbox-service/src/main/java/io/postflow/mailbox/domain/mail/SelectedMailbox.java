package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * What a session learns when it opens a mailbox (RFC 3501 §6.3.1, RFC 7162 §3.1.2.1).
 *
 * @param firstUnseen lowest UID without {@code \Seen}, or null when every message is seen
 * @param recentFrom  first UID of the messages that are {@code \Recent} for this session; the
 *                    range ends at {@code uidNext - 1} and is empty when {@code recentFrom >= uidNext}
 * @param keywords    the keywords set on at least one message, sorted
 * @param uids        the UIDs below {@code uidNext}, as ascending ranges in IMAP set syntax
 *                    ({@code "1:4,7,9:12"}); empty for an empty mailbox
 */
public record SelectedMailbox(long id, String name, long uidValidity, long uidNext, long highestModseq, int messages,
                              int unseen, Long firstUnseen, long recentFrom, List<String> keywords, String uids) {

    public SelectedMailbox {
        keywords = List.copyOf(keywords);
    }

    public boolean hasRecent() {
        return recentFrom < uidNext;
    }
}
