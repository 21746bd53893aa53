package io.postflow.mailbox.domain.message;

import java.time.OffsetDateTime;

/**
 * What IMAP FETCH and SEARCH need of a message, computed once at delivery (or APPEND) so that
 * reads never re-parse it. Offsets and sizes refer to the body content as stored (the bytes as
 * accepted); an entry's own trace prefix comes before them and is added by the reader.
 *
 * @param headerSize    bytes of the top-level header, including the blank line that ends it
 * @param bodyLines     lines of the top-level body (RFC 3501 "body-fld-lines" of a text part)
 * @param envelope      IMAP ENVELOPE, ready to send (RFC 3501 §7.4.2)
 * @param bodyStructure IMAP BODYSTRUCTURE, extensible form
 * @param bodyBasic     IMAP BODY, non-extensible form
 * @param partsJson     JSON array of parts: section path, header/body offsets, sizes, lines
 * @param sentDate      the Date: header, if it parses (RFC 5322 §3.3)
 * @param subject       decoded Subject:
 * @param fromText      decoded From: addresses and names, for SEARCH FROM
 * @param toText        decoded To:
 * @param ccText        decoded Cc:
 * @param bccText       decoded Bcc:
 * @param messageId     Message-ID: as written
 * @param headerText    the unfolded header, for SEARCH HEADER and TEXT
 * @param bodyText      decoded text of the text parts, bounded, for SEARCH BODY and TEXT
 */
public record MessageAnalysis(int headerSize, int bodyLines, String envelope, String bodyStructure, String bodyBasic,
                              String partsJson, OffsetDateTime sentDate, String subject, String fromText, String toText,
                              String ccText, String bccText, String messageId, String headerText, String bodyText) {
}
