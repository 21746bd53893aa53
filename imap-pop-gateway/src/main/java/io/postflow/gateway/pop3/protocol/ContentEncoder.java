package io.postflow.gateway.pop3.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a message, fed in chunks as it streams from mailbox-service, into the body of a RETR or
 * TOP answer (RFC 1939 §3): a '.' starting a line gets a second '.', and the answer ends with
 * {@code CRLF.CRLF} (a CRLF is added first when the message does not end with one). For TOP
 * (§7) only the header, the blank line after it and the first {@code bodyLines} lines of the body
 * pass; {@link #complete()} then says the rest of the stream can be dropped. A line ends at LF.
 *
 * <p>Pure and streaming: the state between chunks is a few fields.
 */
public final class ContentEncoder {

    private static final byte[] CRLF_DOT = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int bodyLines;
    private boolean atLineStart = true;
    private boolean inHeader = true;
    private int lineLength;
    private int linesSent;
    private boolean complete;
    private int last = -1;
    private int beforeLast = -1;

    private ContentEncoder(int bodyLines) {
        this.bodyLines = bodyLines;
        this.complete = false;
    }

    /** The whole message (RETR). */
    public static ContentEncoder whole() {
        return new ContentEncoder(-1);
    }

    /** Header and the first {@code lines} body lines (TOP). */
    public static ContentEncoder top(int lines) {
        return new ContentEncoder(lines);
    }

    /** True once TOP has everything it needs; further chunks are ignored. */
    public boolean complete() {
        return complete;
    }

    public byte[] encode(byte[] chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length + 16);
        for (int i = 0; i < chunk.length && !complete; i++) {
            byte b = chunk[i];
            if (atLineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            beforeLast = last;
            last = b;
            if (b == '\n') {
                endOfLine();
            } else {
                atLineStart = false;
                if (b != '\r') {
                    lineLength++;
                }
            }
        }
        return out.toByteArray();
    }

    private void endOfLine() {
        atLineStart = true;
        if (inHeader) {
            if (lineLength == 0) {
                inHeader = false; // the blank line between header and body (RFC 5322 §2.1)
                complete = bodyLines == 0;
            }
        } else if (bodyLines >= 0 && ++linesSent >= bodyLines) {
            complete = true;
        }
        lineLength = 0;
    }

    /** The end of the answer: CRLF if the content did not end with one, then {@code .CRLF}. */
    public byte[] end() {
        if (last == -1 || last == '\n' && beforeLast == '\r') {
            return CRLF_DOT.clone();
        }
        return "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
