package io.postflow.mailbox.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader for the IMAP data this package writes (RFC 3501 §4 and §9): lists, NIL, numbers, quoted
 * strings and literals. Tests use it to check that output parses and that literal counts are exact.
 * A parsed value is a List (parenthesised list), a String (string), a Long (number) or NIL.
 */
final class ImapSyntax {

    static final Object NIL = new Object() {
        @Override
        public String toString() {
            return "NIL";
        }
    };

    private final byte[] in;
    private int pos;

    private ImapSyntax(String text) {
        this.in = text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses exactly one value covering the whole text, or throws IllegalArgumentException. */
    static Object parse(String text) {
        ImapSyntax reader = new ImapSyntax(text);
        Object value = reader.value();
        if (reader.pos != reader.in.length) {
            throw new IllegalArgumentException("trailing data at " + reader.pos + " in " + text);
        }
        return value;
    }

    private Object value() {
        if (pos >= in.length) {
            throw new IllegalArgumentException("unexpected end");
        }
        byte c = in[pos];
        if (c == '(') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                if (pos >= in.length) {
                    throw new IllegalArgumentException("unclosed list");
                }
                if (in[pos] == ')') {
                    pos++;
                    return list;
                }
                // Elements are separated by one space, except that RFC 3501 writes a multipart's
                // bodies and an address list's addresses back to back.
                if (!list.isEmpty() && in[pos] == ' ') {
                    pos++;
                }
                list.add(value());
            }
        }
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal();
        }
        if (c >= '0' && c <= '9') {
            int start = pos;
            while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
                pos++;
            }
            return Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        }
        if (pos + 3 <= in.length && in[pos] == 'N' && in[pos + 1] == 'I' && in[pos + 2] == 'L') {
            pos += 3;
            return NIL;
        }
        throw new IllegalArgumentException("unexpected '" + (char) c + "' at " + pos);
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= in.length) {
                throw new IllegalArgumentException("unterminated quoted string");
            }
            byte c = in[pos++];
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                byte escaped = in[pos++];
                if (escaped != '"' && escaped != '\\') {
                    throw new IllegalArgumentException("bad escape in quoted string");
                }
                c = escaped;
            }
            if (c <= 0 || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("character not allowed in a quoted string: " + c);
            }
            out.append((char) c);
        }
    }

    private String literal() {
        int close = pos;
        while (in[close] != '}') {
            close++;
        }
        int length = Integer.parseInt(new String(in, pos + 1, close - pos - 1, StandardCharsets.US_ASCII));
        if (in[close + 1] != '\r' || in[close + 2] != '\n') {
            throw new IllegalArgumentException("literal without CRLF");
        }
        int start = close + 3;
        if (start + length > in.length) {
            throw new IllegalArgumentException("literal runs past the end");
        }
        for (int i = start; i < start + length; i++) {
            if (in[i] == 0) {
                throw new IllegalArgumentException("NUL in literal");
            }
        }
        pos = start + length;
        return new String(in, start, length, StandardCharsets.UTF_8);
    }
}
