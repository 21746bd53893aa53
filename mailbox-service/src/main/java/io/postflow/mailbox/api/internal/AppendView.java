package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** APPENDUID data (RFC 4315 §3): the mailbox's UIDVALIDITY and the new message's UID. */
@Schema(name = "Appended")
public record AppendView(long uidValidity, long uid) {
}
