package io.postflow.gateway.imap.session;

/**
 * Change hints per mailbox from {@code mailbox.events}: a session registers the mailbox it has
 * selected and is told when it changed. Hints only; the session then asks for the changes.
 */
public interface MailboxHints {

    /** Starts calling {@code hint} (from any thread) when the mailbox changes; run the result to stop. */
    Runnable watch(long mailboxId, Runnable hint);
}
