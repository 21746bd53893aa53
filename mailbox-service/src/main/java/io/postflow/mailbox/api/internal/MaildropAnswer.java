package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.Maildrop;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A locked maildrop: the lease, the INBOX and its messages as {@code [uid, size]} pairs by ascending UID. */
@Schema(name = "Maildrop")
public record MaildropAnswer(String lease, long mailboxId, long uidValidity,
                             @Schema(description = "[uid, size] pairs, ascending UID") List<long[]> messages) {

    static MaildropAnswer of(Maildrop drop) {
        return new MaildropAnswer(drop.lease().toString(), drop.mailboxId(), drop.uidValidity(),
                drop.messages().stream().map(e -> new long[] {e.uid(), e.size()}).toList());
    }
}
