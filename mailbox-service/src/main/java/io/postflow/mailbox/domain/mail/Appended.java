package io.postflow.mailbox.domain.mail;

/**
 * A message added by APPEND.
 *
 * @param uidValidity the mailbox's UIDVALIDITY, for APPENDUID (RFC 4315 §3)
 * @param uid         the new message's UID
 * @param mailbox     the mailbox afterwards
 */
public record Appended(long uidValidity, long uid, MailboxState mailbox) {
}
