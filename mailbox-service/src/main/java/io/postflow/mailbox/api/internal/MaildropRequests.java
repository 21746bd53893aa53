package io.postflow.mailbox.api.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the POP3 maildrop calls. */
final class MaildropRequests {

    private MaildropRequests() {
    }

    /** Lock the maildrop. */
    @Schema(name = "MaildropOpenRequest")
    record Open(@Schema(description = "Who holds the lease (gateway instance and client), for operators") String holder,
                @Schema(description = "Lease lifetime in milliseconds (1000 to 3600000); renew before it ends") Long ttlMillis) {
    }

    /** Extend the lease. */
    @Schema(name = "MaildropRenewRequest")
    record Renew(@Schema(description = "New lifetime from now, in milliseconds") Long ttlMillis) {
    }

    /** The UPDATE state. */
    @Schema(name = "MaildropQuitRequest")
    record Quit(@Schema(description = "The INBOX id the open call answered") Long mailboxId,
                @Schema(description = "UIDs of the messages marked as deleted (DELE)") List<Long> uids) {
    }
}
