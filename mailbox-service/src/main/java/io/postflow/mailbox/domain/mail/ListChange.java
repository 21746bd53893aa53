package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import java.util.List;

/**
 * A committed change of an account's mailbox list: the mailbox the caller asked about and the
 * events that announce every mailbox the change touched.
 *
 * @param mailbox the mailbox created or renamed, or null when it is gone
 * @param events  to publish after the commit, never before
 */
public record ListChange(MailboxStatus mailbox, List<MailboxEvent> events) {

    public ListChange {
        events = List.copyOf(events);
    }
}
