package io.postflow.mailbox.domain.message;

import java.nio.charset.StandardCharsets;

/**
 * Writes IMAP response data: NIL, numbers, parenthesised lists and strings (RFC 3501 §4).
 *
 * <p>A string is sent quoted when it can be: RFC 3501 §9 allows only 7-bit characters other than CR and
 * LF in a quoted string, with '"' and '\' escaped. Anything else is sent as a literal, {n} CRLF followed
 * by n octets. The text is stored as a Java string and the gateway sends it as UTF-8, so n counts the
 * UTF-8 octets.
 */
final class ImapStringWriter {

    private final StringBuilder out = new StringBuilder(256);

    ImapStringWriter open() {
        out.append('(');
        return this;
    }

    ImapStringWriter close() {
        out.append(')');
        return this;
    }

    ImapStringWriter space() {
        out.append(' ');
        return this;
    }

    ImapStringWriter nil() {
        out.append("NIL");
        return this;
    }

    ImapStringWriter number(long value) {
        out.append(value);
        return this;
    }

    /** RFC 3501 nstring: NIL for null. */
    ImapStringWriter nstring(String value) {
        return value == null ? nil() : string(value);
    }

    /** RFC 3501 string: quoted when every character allows it, else a literal. */
    ImapStringWriter string(String value) {
        if (isQuotable(value)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append('{').append(value.getBytes(StandardCharsets.UTF_8).length).append("}\r\n").append(value);
        }
        return this;
    }

    /** RFC 3501 §9: QUOTED-CHAR is any TEXT-CHAR (CHAR %x01-7F except CR and LF). */
    static boolean isQuotable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0x7F || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
