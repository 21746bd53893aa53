package io.postflow.ingress.protocol;

import io.postflow.ingress.protocol.DataReceiver.Verdict;
import io.vertx.core.buffer.Buffer;

/**
 * Collects a message sent in BDAT chunks (RFC 3030). The chunks are taken byte for byte (no dot
 * stuffing), and judged by the same rules as DATA so that what is stored can later be relayed
 * with DATA safely: without BINARYMIME, which Postflow does not offer, a message is lines ending
 * in CRLF, so a bare CR or LF (RFC 5321 §2.3.8) or a line over 998 octets (§4.5.3.1.6) refuses
 * it. CRLF pairs split across chunks are recognised. Over the SIZE limit it keeps counting but
 * stops storing (RFC 1870 §6.3).
 */
public final class ChunkReceiver {

    private final long maxBytes;
    private final Buffer message = Buffer.buffer();
    private long size;
    private boolean pendingCr;
    private long lineLength;
    private boolean bareLineBreak;
    private boolean lineTooLong;

    /** @param maxBytes the SIZE limit of the whole message */
    public ChunkReceiver(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes the next piece of a chunk as it arrives. */
    public void accept(Buffer piece) {
        int length = piece.length();
        for (int i = 0; i < length; i++) {
            inspect(piece.getByte(i));
        }
        size += length;
        if (size <= maxBytes) {
            message.appendBuffer(piece);
        }
    }

    private void inspect(byte b) {
        if (pendingCr) {
            pendingCr = false;
            if (b == '\n') {
                lineLength = 0;
                return;
            }
            bareLineBreak = true; // a CR not followed by LF
        }
        if (b == '\r') {
            pendingCr = true;
        } else if (b == '\n') {
            bareLineBreak = true; // an LF without its CR
        } else if (++lineLength > DataReceiver.MAX_TEXT_LINE) {
            lineTooLong = true;
        }
    }

    /** Octets received so far. */
    public long size() {
        return size;
    }

    /** The verdict on the message, once its LAST chunk is in. */
    public Verdict verdict() {
        if (size > maxBytes) {
            return Verdict.TOO_LARGE;
        }
        if (bareLineBreak || pendingCr) {
            return Verdict.BARE_LINE_BREAK;
        }
        return lineTooLong ? Verdict.LINE_TOO_LONG : Verdict.ACCEPTABLE;
    }

    /** True once the message is already over the limit: later chunks are refused at once. */
    public boolean tooLarge() {
        return size > maxBytes;
    }

    public Buffer message() {
        return message;
    }
}
