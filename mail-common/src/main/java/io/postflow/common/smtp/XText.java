package io.postflow.common.smtp;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3461 §4 xtext, the encoding of the DSN parameters ENVID and ORCPT: printable ASCII other
 * than {@code +} and {@code =} as itself, every other octet as {@code +} and two upper-case hex
 * digits.
 */
public final class XText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private XText() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xff;
            if (octet >= 33 && octet <= 126 && octet != '+' && octet != '=') {
                out.append((char) octet);
            } else {
                out.append('+').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
            }
        }
        return out.toString();
    }

    /** Decodes xtext; IllegalArgumentException for characters or escapes xtext does not allow. */
    public static String decode(String xtext) {
        byte[] out = new byte[xtext.length()];
        int n = 0;
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+') {
                if (i + 2 >= xtext.length()) {
                    throw new IllegalArgumentException("truncated xtext escape");
                }
                int hi = hex(xtext.charAt(i + 1));
                int lo = hex(xtext.charAt(i + 2));
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c >= 33 && c <= 126 && c != '=') {
                out[n++] = (byte) c;
            } else {
                throw new IllegalArgumentException("character not allowed in xtext");
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("xtext escapes use upper-case hex digits");
    }
}
