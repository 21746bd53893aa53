package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.postflow.mailbox.domain.mail.MailboxStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mailbox with what LIST (with SPECIAL-USE, RFC 6154) and STATUS (RFC 3501 §6.3.10; HIGHESTMODSEQ,
 * RFC 7162 §3.1.8) report. Names are UTF-8 with '/' as the hierarchy delimiter; the gateway
 * converts them to and from modified UTF-7. A level with no mailbox of its own (its mailbox was
 * deleted, its children were not) is absent from the list: show it as \Noselect.
 *
 * @param specialUse e.g. {@code \Sent}, or null
 * @param recent     messages no session has claimed as \Recent yet
 */
@Schema(name = "InternalMailbox")
public record MailboxAnswer(long id, String name, String specialUse, boolean subscribed, long uidValidity, long uidNext,
                            long highestModseq, int messages, int unseen, int recent,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long deletedBytes) {

    static MailboxAnswer of(MailboxStatus m) {
        return new MailboxAnswer(m.id(), m.name(), m.specialUse(), m.subscribed(), m.uidValidity(), m.uidNext(),
                m.highestModseq(), m.messages(), m.unseen(), m.recent(), m.deletedBytes());
    }
}
