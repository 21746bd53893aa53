package io.postflow.mailbox.domain.mail;

import java.util.Locale;

/**
 * A section specifier of BODY[section] (RFC 3501 §6.4.5), as far as it names bytes: the whole
 * message, HEADER, TEXT, a part number, or a part number followed by MIME, HEADER or TEXT.
 * HEADER.FIELDS and HEADER.FIELDS.NOT are filters over HEADER bytes that the gateway applies itself
 * (the metadata fetch returns headers for many messages in one call).
 *
 * @param kind what of the message or part is meant
 * @param part the part number ("1.2"), empty for the top-level kinds
 */
public record Section(Kind kind, String part) {

    public enum Kind {
        /** BODY[]: the whole message. */
        WHOLE,
        /** BODY[HEADER]: the message header, blank line included. */
        HEADER,
        /** BODY[TEXT]: the message body. */
        TEXT,
        /** BODY[1.2]: the body of a part. */
        PART,
        /** BODY[1.2.MIME]: the MIME header of a part. */
        PART_MIME,
        /** BODY[1.2.HEADER]: the header of a message/rfc822 part's message. */
        PART_HEADER,
        /** BODY[1.2.TEXT]: the body of a message/rfc822 part's message. */
        PART_TEXT
    }

    /** Whether the section is within a numbered part, so the part table is needed to find it. */
    public boolean isPart() {
        return !part.isEmpty();
    }

    /** Longest part number accepted, in characters; real nesting stays far below it. */
    private static final int MAX_LENGTH = 200;

    /** Parses a section specifier; keywords are case-insensitive (RFC 3501 §9). */
    public static Section parse(String text) {
        if (text == null || text.isEmpty()) {
            return new Section(Kind.WHOLE, "");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(text);
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("HEADER")) {
            return new Section(Kind.HEADER, "");
        }
        if (upper.equals("TEXT")) {
            return new Section(Kind.TEXT, "");
        }
        int end = 0;
        while (end < text.length() && (isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        // "1.2.MIME": the part number ends at the dot before the keyword.
        boolean keyword = end < text.length();
        if (keyword && (end < 2 || text.charAt(end - 1) != '.')) {
            throw invalid(text);
        }
        String number = keyword ? text.substring(0, end - 1) : text;
        String suffix = keyword ? upper.substring(end) : "";
        if (!validPartNumber(number)) {
            throw invalid(text);
        }
        return switch (suffix) {
            case "" -> new Section(Kind.PART, number);
            case "MIME" -> new Section(Kind.PART_MIME, number);
            case "HEADER" -> new Section(Kind.PART_HEADER, number);
            case "TEXT" -> new Section(Kind.PART_TEXT, number);
            default -> throw invalid(text);
        };
    }

    /** {@code section-part = nz-number *("." nz-number)}. */
    private static boolean validPartNumber(String number) {
        if (number.isEmpty()) {
            return false;
        }
        for (String level : number.split("\\.", -1)) {
            if (level.isEmpty() || level.charAt(0) == '0' || level.length() > 9) {
                return false;
            }
            for (int i = 0; i < level.length(); i++) {
                if (!isDigit(level.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static MailRejection invalid(String text) {
        return new MailRejection(MailRejection.Code.INVALID, "invalid section: " + text);
    }
}
