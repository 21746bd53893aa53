package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * APPENDUID data (RFC 4315 §3): the mailbox's UIDVALIDITY and the new message's UID; and the
 * mailbox's id, since APPEND may name it (the gateway compares it with the selected mailbox).
 */
@Schema(name = "Appended")
public record AppendView(long mailboxId, long uidValidity, long uid) {
}
