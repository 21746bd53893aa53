package io.postflow.mailbox.domain.mail;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Bytes about to be served: their exact length, known before the first byte (an IMAP literal
 * announces its size first), and the bytes themselves as a stream of chunks.
 */
public record ContentSlice(long length, Multi<Buffer> bytes) {
}
