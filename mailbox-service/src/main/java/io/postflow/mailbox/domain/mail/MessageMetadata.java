package io.postflow.mailbox.domain.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a metadata fetch knows of one entry. The optional items are null unless asked for.
 *
 * @param flags         system flag bits ({@link SystemFlags})
 * @param size          RFC822.SIZE: trace prefix plus message
 * @param prefixLength  octets of the entry's trace prefix
 * @param headerSize    octets of the served header: prefix plus message header
 * @param parts         the stored part table (offsets without the prefix)
 * @param header        the served header bytes
 * @param content       where the entry's bytes are, for a fetch that streams them; else null
 */
public record MessageMetadata(long uid, int flags, List<String> keywords, long modseq, OffsetDateTime internalDate,
                              int size, int prefixLength, String envelope, String bodyStructure, String body,
                              Integer headerSize, String parts, byte[] header, StoredContent content) {
}
