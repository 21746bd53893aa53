package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * A STORE on a set of messages.
 *
 * @param flags          system flag bits ({@link SystemFlags})
 * @param keywords       validated keywords ({@link Keywords})
 * @param unchangedSince the CONDSTORE condition (RFC 7162 §3.1.3): messages whose MODSEQ is greater
 *                       are left alone and reported as modified; null: no condition
 */
public record FlagChange(UidSet uids, FlagMode mode, int flags, List<String> keywords, Long unchangedSince) {

    public FlagChange {
        keywords = List.copyOf(keywords);
        if (unchangedSince != null && unchangedSince < 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "unchangedSince must not be negative");
        }
    }
}
