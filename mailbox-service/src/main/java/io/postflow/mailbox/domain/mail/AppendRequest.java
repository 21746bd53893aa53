package io.postflow.mailbox.domain.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An APPEND (RFC 3501 §6.3.11): the message as the client sent it, with its initial flags and
 * internal date.
 *
 * @param internalDate the date-time the client gave, or null for now
 */
public record AppendRequest(byte[] message, int flags, List<String> keywords, OffsetDateTime internalDate) {

    public AppendRequest {
        keywords = List.copyOf(keywords);
    }
}
