package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * CREATE: the name as in {@link NameRequest}, and optionally the mailbox's special use
 * (CREATE-SPECIAL-USE, RFC 6154 §3): one of {@code \Sent \Drafts \Trash \Junk \Archive}, any case.
 */
@Schema(name = "InternalMailboxCreate")
public record CreateRequest(String name, @Schema(description = "RFC 6154 attribute, or absent") String specialUse) {
}
