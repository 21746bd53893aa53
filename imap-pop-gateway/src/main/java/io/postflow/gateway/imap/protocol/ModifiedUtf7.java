package io.postflow.gateway.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable ASCII stands for itself except
 * {@code &}, written {@code &-}; everything else is UTF-16 in modified base64 ({@code ,} for
 * {@code /}, no padding) between {@code &} and {@code -}.
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                    end++;
                }
                byte[] utf16 = name.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
                i = end;
            }
        }
        return out.toString();
    }

    /** The Unicode name, or IllegalArgumentException for a name that is not valid modified UTF-7. */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("mailbox name must be 7-bit (modified UTF-7)");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated &...- sequence in mailbox name");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                out.append(decodeRun(encoded.substring(i + 1, end)));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String decodeRun(String run) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(run.replace(',', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64 in mailbox name");
        }
        if (bytes.length == 0 || bytes.length % 2 != 0) {
            throw new IllegalArgumentException("invalid UTF-16 in mailbox name");
        }
        String text = new String(bytes, StandardCharsets.UTF_16BE);
        // Canonical form only: printable ASCII must not hide inside base64 (RFC 3501 §5.1.3).
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch >= 0x20 && ch <= 0x7e) {
                throw new IllegalArgumentException("printable ASCII encoded in base64 in mailbox name");
            }
        }
        ByteArrayOutputStream check = new ByteArrayOutputStream();
        check.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));
        if (!java.util.Arrays.equals(check.toByteArray(), bytes)) {
            throw new IllegalArgumentException("invalid UTF-16 in mailbox name");
        }
        return text;
    }
}
