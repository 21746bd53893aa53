package io.postflow.mailbox.domain.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part table the gateway serves BODY[section] from without re-parsing. It is a compact JSON array
 * in document order with one object per section:
 * <pre>
 * {"section":"1.2","headerStart":h,"bodyStart":b,"end":e,"lines":n[,"innerHeaderEnd":i]}
 * </pre>
 * Offsets count octets from the start of the stored content (the entry's trace prefix is not included),
 * so that:
 * <ul>
 *   <li>BODY[s] is [bodyStart, end) and BODY[s.MIME] is [headerStart, bodyStart).</li>
 *   <li>The entry with section "" is the message: BODY[HEADER] is [0, bodyStart) and BODY[TEXT] is
 *       [bodyStart, end).</li>
 *   <li>A message/rfc822 part also has innerHeaderEnd, the end of the encapsulated message's header
 *       (blank line included). BODY[s.HEADER] is [bodyStart, innerHeaderEnd) and BODY[s.TEXT] is
 *       [innerHeaderEnd, end). Only such parts accept HEADER and TEXT after a part number
 *       (RFC 3501 §6.4.5).</li>
 *   <li>lines is the body's line count, as in BODYSTRUCTURE.</li>
 * </ul>
 * Numbering follows RFC 3501 §6.4.5:
 * <ul>
 *   <li>The parts of a multipart are numbered 1..n beneath the multipart's own number (beneath "" at
 *       the top, which gives "1", "2", ...).</li>
 *   <li>A message that is not multipart has a single part 1, its body. Its MIME header is the message
 *       header.</li>
 *   <li>The parts of a message/rfc822 part's encapsulated message are numbered beneath that part by the
 *       same two rules. So in "3", a message/rfc822 part, a multipart body gives "3.1", "3.2", ... and a
 *       single-part body gives "3.1".</li>
 * </ul>
 */
final class PartTable {

    private PartTable() {
    }

    static String toJson(MimeEntity message) {
        ArrayNode table = JsonNodeFactory.instance.arrayNode();
        add(table, "", message);
        numberParts(table, message, "");
        return table.toString();
    }

    /** Numbers the parts of a message (the top-level one or an encapsulated one) beneath prefix. */
    private static void numberParts(ArrayNode table, MimeEntity message, String prefix) {
        if (message.isMultipart()) {
            numberChildren(table, message, prefix);
        } else {
            part(table, message, child(prefix, 1));
        }
    }

    private static void numberChildren(ArrayNode table, MimeEntity multipart, String prefix) {
        int number = 1;
        for (MimeEntity part : multipart.parts()) {
            part(table, part, child(prefix, number++));
        }
    }

    private static void part(ArrayNode table, MimeEntity part, String section) {
        ObjectNode entry = add(table, section, part);
        if (part.isMultipart()) {
            numberChildren(table, part, section);
        } else if (part.message() != null) {
            entry.put("innerHeaderEnd", part.message().bodyStart());
            numberParts(table, part.message(), section);
        }
    }

    private static ObjectNode add(ArrayNode table, String section, MimeEntity entity) {
        return table.addObject()
                .put("section", section)
                .put("headerStart", entity.headerStart())
                .put("bodyStart", entity.bodyStart())
                .put("end", entity.end())
                .put("lines", entity.bodyLines());
    }

    private static String child(String prefix, int number) {
        return prefix.isEmpty() ? Integer.toString(number) : prefix + "." + number;
    }
}
