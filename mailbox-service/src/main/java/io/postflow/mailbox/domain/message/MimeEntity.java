package io.postflow.mailbox.domain.message;

import java.util.List;

/**
 * One entity of a message (RFC 2045 §2.4: the message itself, a body part, or an encapsulated message)
 * with the byte offsets of its header and body in the raw message.
 *
 * @param headerStart first octet of the header
 * @param bodyStart   first octet of the body: the header ends here, its blank line included
 * @param end         octet after the body; for a body part, the line break before the next delimiter is
 *                    not in the body (RFC 2046 §5.1.1)
 * @param bodyLines   line breaks in the body (RFC 3501 body-fld-lines)
 * @param header      the header's fields
 * @param content     the Content-* description used for BODYSTRUCTURE
 * @param parts       the body parts, non-empty exactly when this entity is shown as a multipart
 * @param message     the encapsulated message when this entity is shown as message/rfc822, else null
 */
record MimeEntity(int headerStart, int bodyStart, int end, int bodyLines, MimeHeader header,
                  ContentHeaders content, List<MimeEntity> parts, MimeEntity message) {

    boolean isMultipart() {
        return !parts.isEmpty();
    }

    /** Body octets as transmitted (RFC 3501 body-fld-octets). */
    int bodySize() {
        return end - bodyStart;
    }
}
