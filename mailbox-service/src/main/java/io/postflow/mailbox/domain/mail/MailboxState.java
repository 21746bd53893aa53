package io.postflow.mailbox.domain.mail;

/** A mailbox's HIGHESTMODSEQ and UIDNEXT after a change, for the answer and the event. */
public record MailboxState(long highestModseq, long uidNext) {
}
