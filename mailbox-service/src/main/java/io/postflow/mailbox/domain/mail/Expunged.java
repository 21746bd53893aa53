package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * Entries removed from a mailbox, and the mailbox after it.
 *
 * @param uids    the removed UIDs, ascending
 * @param mailbox the mailbox's state afterwards (unchanged when nothing was removed)
 */
public record Expunged(List<Long> uids, MailboxState mailbox) {

    public Expunged {
        uids = List.copyOf(uids);
    }
}
