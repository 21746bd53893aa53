package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mailbox name for CREATE or RENAME: UTF-8, '/' as delimiter, no control characters, no
 * '*' or '%'; "INBOX" in any case is INBOX.
 */
@Schema(name = "InternalMailboxName")
public record NameRequest(String name) {
}
