package io.postflow.common.io;

import io.vertx.core.buffer.Buffer;

/**
 * The bytes a {@link LineReader} received but has not delivered yet: one array with a read and a
 * write index. Bytes are copied in once and out once; the array is compacted only when its end is
 * reached and at least half of it is free, so the cost per byte stays constant.
 */
final class ByteQueue {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] EMPTY = new byte[0];
    private static final int MIN_CAPACITY = 1024;
    /** An idle connection keeps at most this much; a burst's larger array is dropped once empty. */
    private static final int RETAINED_CAPACITY = 8192;

    private byte[] bytes = EMPTY;
    private int readIndex;
    private int writeIndex;
    /** First position that may still hold the CR of a CRLF: a partial line is never rescanned. */
    private int scanIndex;

    int size() {
        return writeIndex - readIndex;
    }

    boolean isEmpty() {
        return readIndex == writeIndex;
    }

    /** Appends {@code chunk} from index {@code from} on. */
    void append(Buffer chunk, int from) {
        int length = chunk.length() - from;
        if (length <= 0) {
            return;
        }
        ensureRoom(length);
        chunk.getBytes(from, chunk.length(), bytes, writeIndex);
        writeIndex += length;
    }

    /**
     * Length of the first line, i.e. the offset of the first CRLF from the read position, or -1
     * if no CRLF has arrived yet. Only CR immediately followed by LF counts.
     */
    int indexOfCrlf() {
        int from = Math.max(scanIndex, readIndex);
        for (int i = from; i < writeIndex - 1; i++) {
            if (bytes[i] == CR && bytes[i + 1] == LF) {
                return i - readIndex;
            }
        }
        scanIndex = Math.max(readIndex, writeIndex - 1); // the last byte may be a CR whose LF is on its way
        return -1;
    }

    /** True if the last byte received is a CR, which may start a CRLF split across chunks. */
    boolean endsWithCr() {
        return writeIndex > readIndex && bytes[writeIndex - 1] == CR;
    }

    /** Removes and returns the next {@code length} bytes as a new buffer. */
    Buffer take(int length) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, readIndex, copy, 0, length);
        skip(length);
        return Buffer.buffer(copy);
    }

    /** Drops the next {@code length} bytes. */
    void skip(int length) {
        readIndex += length;
        scanIndex = readIndex;
        if (readIndex == writeIndex) {
            clear();
        }
    }

    /** Drops everything. */
    void clear() {
        readIndex = 0;
        writeIndex = 0;
        scanIndex = 0;
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = EMPTY;
        }
    }

    private void ensureRoom(int length) {
        if (bytes.length - writeIndex >= length) {
            return;
        }
        int size = size();
        byte[] target = bytes;
        if (size + length > bytes.length / 2) {
            long wanted = Math.max(Math.max(MIN_CAPACITY, 2L * bytes.length), (long) size + length);
            target = new byte[(int) Math.min(wanted, Integer.MAX_VALUE - 8)];
        }
        System.arraycopy(bytes, readIndex, target, 0, size);
        bytes = target;
        scanIndex -= readIndex;
        readIndex = 0;
        writeIndex = size;
    }
}
