package io.postflow.mailbox.domain.mail;

/**
 * Where an entry's bytes are: its own trace prefix, then the stored message (a body shared by
 * every entry with the same content).
 *
 * @param bodyId      the body row
 * @param prefix      the entry's trace prefix (empty for APPEND and COPY of such entries)
 * @param size        octets of the stored message
 * @param headerSize  octets of the stored message's header, blank line included
 * @param parts       the stored part table, or null when not asked for
 */
public record StoredContent(long bodyId, byte[] prefix, long size, long headerSize, String parts) {
}
