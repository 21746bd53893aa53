package io.postflow.gateway.mailbox;

/** APPENDUID data (RFC 4315), and the mailbox the message went into (APPEND names it). */
public record AppendResult(long mailboxId, long uidValidity, long uid) {
}
