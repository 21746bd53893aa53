package io.postflow.mailbox.domain.mail;

/**
 * A message added by APPEND.
 *
 * @param mailboxId   the mailbox it went into (APPEND may name it)
 * @param uidValidity the mailbox's UIDVALIDITY, for APPENDUID (RFC 4315 §3)
 * @param uid         the new message's UID
 * @param mailbox     the mailbox afterwards
 */
public record Appended(long mailboxId, long uidValidity, long uid, MailboxState mailbox) {
}
