package io.postflow.mailbox.domain.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw header octets into text. RFC 5322 §2.2 allows only US-ASCII in headers, but mail in the wild
 * carries raw UTF-8 (RFC 6532) or legacy 8-bit text. UTF-8 is tried first because legacy 8-bit text is
 * almost never valid UTF-8 by accident; ISO-8859-1 maps every octet, so nothing is lost when it is not.
 */
final class RawText {

    private RawText() {
    }

    static String decode(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] <= 0) { // an 8-bit octet (negative as a Java byte) or NUL
                return withoutNul(decodeEightBit(raw, from, to));
            }
        }
        return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * PostgreSQL text cannot hold U+0000 and IMAP strings cannot carry NUL (RFC 3501 §9: CHAR8 is
     * %x01-ff), so every text this package produces goes through here.
     */
    static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /**
     * At most max characters, never ending between the two halves of a surrogate pair: a lone
     * surrogate is not UTF-8 encodable and would be stored as '?'.
     */
    static String truncate(CharSequence text, int max) {
        int end = Math.min(text.length(), max);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(0, end).toString();
    }

    private static String decodeEightBit(byte[] raw, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, from, to - from))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
