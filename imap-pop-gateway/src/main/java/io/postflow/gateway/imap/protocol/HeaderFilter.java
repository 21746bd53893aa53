package io.postflow.gateway.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BODY[HEADER.FIELDS (...)] and HEADER.FIELDS.NOT (RFC 3501 §6.4.5): the matching fields of a
 * header, folded lines kept whole, followed by the blank line that ends a header.
 */
public final class HeaderFilter {

    private HeaderFilter() {
    }

    public static byte[] filter(byte[] header, List<String> names, boolean exclude) {
        Set<String> wanted = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        boolean keep = false;
        while (i < header.length) {
            int end = i;
            while (end < header.length && header[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, header.length);
            int contentEnd = end > i && header[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == i) {
                break; // the blank line: end of the header
            }
            if (header[i] != ' ' && header[i] != '\t') {
                int colon = indexOf(header, (byte) ':', i, contentEnd);
                String name = colon < 0 ? "" : new String(header, i, colon - i, StandardCharsets.US_ASCII).strip()
                        .toLowerCase(Locale.ROOT);
                keep = colon >= 0 && wanted.contains(name) != exclude;
            }
            if (keep) {
                out.write(header, i, next - i);
            }
            i = next;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** A partial range {@code <offset.length>} of bytes already in memory. */
    public static byte[] slice(byte[] bytes, long offset, long length) {
        if (offset < 0) {
            return bytes;
        }
        int from = (int) Math.min(offset, bytes.length);
        int to = (int) Math.min((long) from + length, bytes.length);
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
