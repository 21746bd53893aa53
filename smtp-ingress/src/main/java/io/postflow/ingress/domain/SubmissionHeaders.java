package io.postflow.ingress.domain;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 6409 §8.2 and §8.3: a submission server may add a missing {@code Date} or
 * {@code Message-ID}, and Postflow does, so that every message it sends has both (RFC 5322
 * §3.6 requires Date, and Message-ID SHOULD be present). Only the header section is read; the
 * original bytes are never changed, the fields go above them (CONTRACT).
 */
public final class SubmissionHeaders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

    private SubmissionHeaders() {
    }

    /**
     * The fields to add for {@code message}, possibly none.
     *
     * @param messageIdLeft the unique left part of a new Message-ID (the trace id)
     * @param hostname      its right part
     */
    public static byte[] missing(byte[] message, String messageIdLeft, String hostname, ZonedDateTime now) {
        boolean hasDate = false;
        boolean hasMessageId = false;
        int lineStart = 0;
        while (lineStart < message.length) {
            int lineEnd = endOfLine(message, lineStart);
            if (lineEnd == lineStart) {
                break; // the empty line that ends the header section (RFC 5322 §2.1)
            }
            hasDate |= isField(message, lineStart, lineEnd, "date");
            hasMessageId |= isField(message, lineStart, lineEnd, "message-id");
            lineStart = lineEnd + 2;
        }
        StringBuilder added = new StringBuilder();
        if (!hasDate) {
            added.append("Date: ").append(DATE.format(now)).append("\r\n");
        }
        if (!hasMessageId) {
            added.append("Message-ID: <").append(messageIdLeft).append('@').append(hostname).append(">\r\n");
        }
        return added.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int endOfLine(byte[] message, int from) {
        for (int i = from; i < message.length - 1; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n') {
                return i;
            }
        }
        return message.length;
    }

    /** An unfolded line starting with {@code name:} (RFC 5322 §2.2: field names are case-insensitive). */
    private static boolean isField(byte[] message, int start, int end, String name) {
        int n = name.length();
        if (end - start <= n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase((char) (message[start + i] & 0xff)) != name.charAt(i)) {
                return false;
            }
        }
        int i = start + n;
        while (i < end && (message[i] == ' ' || message[i] == '\t')) {
            i++; // RFC 5322 §4.5 obsolete syntax allows white space before the colon
        }
        return i < end && message[i] == ':';
    }
}
