package io.postflow.common.smtp;

import java.io.ByteArrayOutputStream;

/**
 * Client-side DATA transparency (RFC 5321 §4.5.2) for relaying a message byte for byte: a '.'
 * at the start of a line gets a second '.', and the data ends with {@code <CRLF>.<CRLF>}.
 *
 * <p>"Start of a line" here means after CR, LF or CRLF alike, not only after CRLF: a message that
 * holds a bare {@code <LF>.<LF>} is passed on with that dot doubled, so a receiving server that
 * (wrongly) takes a bare LF as a line end still cannot see an end of data there — no smuggling
 * payload leaves this platform. For CRLF lines the receiver removes exactly the dots we added, so
 * it stores our bytes; only a dot after a bare CR or LF (which the ingress refuses in DATA, so it
 * can only come from BDAT) arrives doubled at a receiver that ends lines at CRLF alone.
 *
 * <p>Streaming: feed chunks in order; the state between chunks is one flag.
 */
public final class DotStuffer {

    private boolean atLineStart = true;
    private int last = -1;

    /** Stuffs one chunk of the message. */
    public byte[] stuff(byte[] chunk, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16);
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            if (atLineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            atLineStart = b == '\r' || b == '\n';
            last = b;
        }
        return out.toByteArray();
    }

    public byte[] stuff(byte[] message) {
        return stuff(message, 0, message.length);
    }

    /** The end of data: a CRLF first if the message did not end with one, then {@code .CRLF}. */
    public byte[] end() {
        if (last == '\n' || last == -1) {
            return ".\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return (last == '\r' ? "\n.\r\n" : "\r\n.\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
