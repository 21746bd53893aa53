package io.postflow.common.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server's replies line by line on the client side (relay-worker): collects
 * {@code 250-} continuation lines until the final {@code 250 } line (RFC 5321 §4.2.1) and splits
 * off the RFC 2034 enhanced status when every line carries one of the right class.
 */
public final class SmtpReplyParser {

    /** Longest reply line we accept (RFC 5321 §4.5.3.1.5 says 512 octets with CRLF). */
    public static final int MAX_LINE = 4096;
    /** Most lines in one reply; an endless continuation is an attack or a broken peer. */
    public static final int MAX_LINES = 200;

    private final List<String> texts = new ArrayList<>();
    private int code = -1;

    /** Feeds one line without CRLF; returns the reply once its last line arrived, else null. */
    public SmtpReply feed(String line) {
        if (line.length() < 3 || line.length() > MAX_LINE) {
            throw new IllegalArgumentException("malformed reply line");
        }
        int lineCode = code(line);
        boolean last = line.length() == 3 || line.charAt(3) == ' ';
        if (!last && line.charAt(3) != '-') {
            throw new IllegalArgumentException("malformed reply line");
        }
        if (code >= 0 && lineCode != code) {
            throw new IllegalArgumentException("reply code changed within a multi-line reply");
        }
        code = lineCode;
        texts.add(line.length() <= 4 ? "" : line.substring(4));
        if (texts.size() > MAX_LINES) {
            throw new IllegalArgumentException("reply has too many lines");
        }
        if (!last) {
            return null;
        }
        SmtpReply reply = build();
        texts.clear();
        code = -1;
        return reply;
    }

    private SmtpReply build() {
        EnhancedStatus status = null;
        List<String> lines = new ArrayList<>(texts.size());
        for (String text : texts) {
            int sp = text.indexOf(' ');
            String head = sp < 0 ? text : text.substring(0, sp);
            EnhancedStatus candidate = null;
            try {
                candidate = head.indexOf('.') > 0 ? EnhancedStatus.parse(head) : null;
            } catch (IllegalArgumentException notOne) {
                candidate = null;
            }
            if (candidate != null && candidate.statusClass() == code / 100 && (status == null || status.equals(candidate))) {
                status = candidate;
                lines.add(sp < 0 ? "" : text.substring(sp + 1));
            } else {
                // Not every line carries the same status: keep the text whole and drop the status.
                return new SmtpReply(code, null, texts);
            }
        }
        return new SmtpReply(code, status, lines);
    }

    private static int code(String line) {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("reply code is not three digits");
            }
            value = value * 10 + (c - '0');
        }
        if (value < 200 || value > 599) {
            throw new IllegalArgumentException("reply code out of range");
        }
        return value;
    }
}
