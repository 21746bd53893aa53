package io.postflow.relay.routing;

/**
 * Counts the {@code Received:} fields of a message's header section, for the loop limit of
 * RFC 5321 §6.3. Reads only the header bytes (up to the first empty line), never the body, and does
 * not allocate per line.
 */
public final class ReceivedHeaders {

    private static final byte[] NAME = "received".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ReceivedHeaders() {
    }

    public static int count(byte[] message) {
        int count = 0;
        int lineStart = 0;
        while (lineStart < message.length) {
            int end = lineEnd(message, lineStart);
            if (end == lineStart) {
                break; // the empty line ending the header section
            }
            if (isReceived(message, lineStart, end)) {
                count++;
            }
            lineStart = next(message, end);
        }
        return count;
    }

    private static int lineEnd(byte[] m, int from) {
        int i = from;
        while (i < m.length && m[i] != '\n' && m[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int next(byte[] m, int end) {
        if (end < m.length && m[end] == '\r') {
            end++;
        }
        if (end < m.length && m[end] == '\n') {
            end++;
        }
        return end;
    }

    /** A field line (not a continuation) whose name is "Received", case-insensitively, then optional WSP and ':'. */
    private static boolean isReceived(byte[] m, int start, int end) {
        if (end - start <= NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (Character.toLowerCase((char) (m[start + i] & 0xff)) != NAME[i]) {
                return false;
            }
        }
        int i = start + NAME.length;
        while (i < end && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < end && m[i] == ':';
    }
}
