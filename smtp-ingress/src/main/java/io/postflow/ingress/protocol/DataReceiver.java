package io.postflow.ingress.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * Collects the message of a {@code DATA} command from the lines the shared line reader delivers
 * (each without its CRLF, which is the only line end). It ends only at a line holding a single
 * {@code "."} — that is {@code <CRLF>.<CRLF>} — removes the leading dot of stuffed lines (RFC 5321
 * §4.5.2) and restores each CRLF, so the bytes kept are exactly the ones sent.
 *
 * <p>It never rewrites or ends early: a bare CR or LF inside a line ({@code <LF>.<LF>} and its
 * relatives, the SMTP smuggling class) does not end the data; it only marks the message as
 * refused, and reading continues to the real end so nothing after a fake end is ever taken as a
 * command. Over the size limit it keeps counting but stops storing, so the session stays in sync
 * and answers 552 at the end (RFC 1870 §6.3).
 */
public final class DataReceiver {

    /** RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets with its CRLF. */
    public static final int MAX_TEXT_LINE = 998;

    /** Why a complete message is refused, if it is. */
    public enum Verdict {
        ACCEPTABLE,
        /** A bare CR or LF in the data (RFC 5321 §2.3.8). */
        BARE_LINE_BREAK,
        /** A line longer than 998 octets (RFC 5321 §4.5.3.1.6). */
        LINE_TOO_LONG,
        /** More than the SIZE limit (RFC 1870). */
        TOO_LARGE
    }

    private final long maxBytes;
    private final Buffer message;
    private long size;
    private boolean bareLineBreak;
    private boolean lineTooLong;
    private boolean complete;

    /**
     * @param prefix   bytes that lead the stored message (the {@code Received:} header); not
     *                 counted against the limit
     * @param maxBytes the SIZE limit for the message as sent (after unstuffing)
     */
    public DataReceiver(Buffer prefix, long maxBytes) {
        this.maxBytes = maxBytes;
        this.message = Buffer.buffer((int) Math.min(64 * 1024, prefix.length() + 16 * 1024)).appendBuffer(prefix);
    }

    /**
     * Takes one line; returns true when it was the terminating {@code "."}. Lines after the end
     * are a caller bug.
     */
    public boolean line(Buffer line) {
        if (complete) {
            throw new IllegalStateException("the data already ended");
        }
        int length = line.length();
        if (length == 1 && line.getByte(0) == '.') {
            complete = true;
            return true;
        }
        int start = length > 0 && line.getByte(0) == '.' ? 1 : 0; // RFC 5321 §4.5.2 transparency
        if (length > MAX_TEXT_LINE) {
            lineTooLong = true;
        }
        for (int i = start; i < length && !bareLineBreak; i++) {
            byte b = line.getByte(i);
            if (b == '\r' || b == '\n') {
                bareLineBreak = true;
            }
        }
        size += length - start + 2;
        if (size <= maxBytes) {
            message.appendBuffer(line, start, length - start).appendByte((byte) '\r').appendByte((byte) '\n');
        }
        return false;
    }

    /** A line the reader dropped for exceeding its own limit: counts as too long, keeps the sync. */
    public void overlongLine() {
        lineTooLong = true;
    }

    public boolean complete() {
        return complete;
    }

    /** Octets of the message as sent, after unstuffing (what SIZE limits). */
    public long size() {
        return size;
    }

    public Verdict verdict() {
        if (size > maxBytes) {
            return Verdict.TOO_LARGE;
        }
        if (bareLineBreak) {
            return Verdict.BARE_LINE_BREAK;
        }
        return lineTooLong ? Verdict.LINE_TOO_LONG : Verdict.ACCEPTABLE;
    }

    /** The prefix and the message bytes; only meaningful for an ACCEPTABLE verdict. */
    public Buffer message() {
        return message;
    }
}
