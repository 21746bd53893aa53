package io.postflow.common.address;

import java.nio.charset.StandardCharsets;

/** Parsing and quoting of the local part of a mailbox (RFC 5321 §4.1.2, extended by RFC 6531 §3.3). */
final class LocalPart {

    /** RFC 5321 §4.5.3.1.1. */
    static final int MAX_OCTETS = 64;

    private LocalPart() {
    }

    /**
     * The local part at the start of {@code text}, up to the {@code @} that ends it.
     *
     * @param value the local part with quoting removed
     * @param end   index of the {@code @} in the text
     */
    record Parsed(String value, int end) {
    }

    static Parsed parse(String text, boolean allowUtf8) {
        Parsed parsed = !text.isEmpty() && text.charAt(0) == '"'
                ? parseQuoted(text, allowUtf8)
                : parseDotString(text, allowUtf8);
        if (text.substring(0, parsed.end()).getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new AddressException("local part longer than 64 octets");
        }
        return parsed;
    }

    /** The local part as it must be written: bare if it is a Dot-string, otherwise quoted. */
    static String quoteIfNeeded(String value) {
        if (isDotString(value)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 4).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\'); // RFC 5321 §4.1.2 quoted-pairSMTP
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    // Dot-string = Atom *("." Atom); all characters were validated on parsing.
    private static boolean isDotString(String value) {
        if (value.isEmpty() || value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '.' && !isAtext(c) && c < 0x80) {
                return false;
            }
        }
        return true;
    }

    private static Parsed parseDotString(String text, boolean allowUtf8) {
        int i = 0;
        boolean atomStart = true;
        while (i < text.length() && text.charAt(i) != '@') {
            char c = text.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    throw new AddressException("misplaced dot in local part"); // leading or double dot
                }
                atomStart = true;
            } else if (c < 0x80 ? isAtext(c) : isUtf8NonAscii(text, i, allowUtf8)) {
                atomStart = false;
            } else {
                throw new AddressException("invalid character in local part");
            }
            i += Character.isHighSurrogate(c) ? 2 : 1;
        }
        if (i == 0) {
            throw new AddressException("empty local part");
        }
        if (atomStart) {
            throw new AddressException("misplaced dot in local part"); // trailing dot
        }
        return new Parsed(text.substring(0, i), i);
    }

    private static Parsed parseQuoted(String text, boolean allowUtf8) {
        StringBuilder value = new StringBuilder();
        int i = 1;
        while (true) {
            if (i >= text.length()) {
                throw new AddressException("unterminated quoted local part");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                // RFC 5321 §4.1.2: quoted-pairSMTP = %d92 %d32-126
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next < 32 || next > 126) {
                    throw new AddressException("invalid quoted pair in local part");
                }
                value.append(next);
                i += 2;
            } else if (c >= 32 && c <= 126 || c >= 0x80 && isUtf8NonAscii(text, i, allowUtf8)) {
                // qtextSMTP = %d32-33 / %d35-91 / %d93-126 (the quote and backslash are handled above)
                int len = Character.isHighSurrogate(c) ? 2 : 1;
                value.append(text, i, i + len);
                i += len;
            } else {
                throw new AddressException("invalid character in quoted local part");
            }
        }
        int end = i + 1;
        if (end >= text.length() || text.charAt(end) != '@') {
            throw new AddressException("quoted local part not followed by @");
        }
        return new Parsed(value.toString(), end);
    }

    // RFC 5322 §3.2.3 atext, ASCII part.
    static boolean isAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    /*
     * RFC 6531 §3.3 adds UTF8-non-ascii to atext and qtextSMTP, only for SMTPUTF8 transactions.
     * Unpaired surrogates cannot be UTF-8 at all; C1 controls are refused like their C0 cousins.
     */
    private static boolean isUtf8NonAscii(String text, int i, boolean allowUtf8) {
        if (!allowUtf8) {
            throw new AddressException("non-ASCII address needs SMTPUTF8");
        }
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isSurrogate(c) && !(c >= 0x80 && c <= 0x9f);
    }
}
