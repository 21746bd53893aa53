package io.postflow.common.io;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.Objects;

/**
 * Frames a byte stream (a Vert.x {@code NetSocket}) into CRLF-terminated lines for the SMTP, IMAP
 * and POP3 servers, with a fixed-size mode for IMAP literals and SMTP {@code BDAT} chunks.
 *
 * <p>Why not {@code RecordParser}: it checks its size limit against the whole unconsumed buffer,
 * so a paused parser fails on a burst of short pipelined lines, and after an over-long line it
 * cannot resynchronise. This reader:
 * <ul>
 *   <li>ends a line only at CRLF; a bare CR or LF stays in the line for the consumer to refuse
 *       (SMTP smuggling, RFC 5321 §2.3.8);</li>
 *   <li>measures only the current line; one that exceeds {@link Limits#maxLineLength()} is
 *       reported once to the overflow handler, discarded up to its CRLF, and reading goes on;</li>
 *   <li>keeps accepting bytes while {@link #pause() paused}, and pauses its source above
 *       {@link Limits#highWaterBytes()} and resumes it below {@link Limits#lowWaterBytes()}.</li>
 * </ul>
 * Framing is lazy: queued bytes are cut into lines only when delivered, because a command may
 * switch the reader to fixed-size mode for the bytes that follow it. While the reader runs, a
 * partial line holds at most {@code maxLineLength} + one chunk; while it is paused the queue is
 * bounded by the high-water mark (+ one chunk) instead.
 *
 * <p>Not thread-safe: like every Vert.x handler, use it on the connection's event loop only.
 */
public final class LineReader {

    /**
     * @param maxLineLength  longest line accepted, CRLF excluded (RFC 5321 §4.5.3.1.4 says 512 for
     *                       SMTP commands; extensions need more)
     * @param highWaterBytes queued bytes above which the source is paused while this reader is paused
     * @param lowWaterBytes  queued bytes below which the paused source is resumed
     */
    public record Limits(int maxLineLength, int highWaterBytes, int lowWaterBytes) {
        public Limits {
            if (maxLineLength < 1 || highWaterBytes < 1 || lowWaterBytes < 0 || lowWaterBytes > highWaterBytes) {
                throw new IllegalArgumentException("need maxLineLength >= 1, highWaterBytes >= 1, "
                        + "0 <= lowWaterBytes <= highWaterBytes");
            }
        }
    }

    private final ReadStream<Buffer> source;
    private final Limits limits;
    private final ByteQueue queue = new ByteQueue();

    private Handler<Buffer> lineHandler;
    private Handler<Void> overflowHandler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;

    private boolean paused;
    private boolean sourcePaused;
    /** True while a handler runs: nested calls only change state, the outer loop delivers. */
    private boolean delivering;
    /** The rest of an over-long line is being skipped, up to and including its CRLF. */
    private boolean discardingLine;

    /** Bytes still due in fixed-size mode, or -1 in line mode. */
    private long fixedRemaining = -1;
    /** Receives fixed-size chunks; null in {@link #discardFixed}. */
    private Handler<Buffer> chunkHandler;
    private Handler<Void> fixedEndHandler;

    /** Takes over the source's handlers: from now on only this reader consumes it. */
    public LineReader(ReadStream<Buffer> source, Limits limits) {
        this.source = Objects.requireNonNull(source, "source");
        this.limits = Objects.requireNonNull(limits, "limits");
        source.handler(this::handle);
        source.endHandler(v -> {
            Handler<Void> handler = endHandler;
            if (handler != null) {
                handler.handle(null);
            }
        });
        source.exceptionHandler(e -> {
            Handler<Throwable> handler = exceptionHandler;
            if (handler != null) {
                handler.handle(e);
            }
        });
    }

    /** Receives each line without its CRLF. Lines wait in the queue until a handler is set. */
    public LineReader lineHandler(Handler<Buffer> handler) {
        this.lineHandler = handler;
        drain();
        return this;
    }

    /** Called once per line longer than {@link Limits#maxLineLength()}; the line itself is dropped. */
    public LineReader overflowHandler(Handler<Void> handler) {
        this.overflowHandler = handler;
        return this;
    }

    /** Called when the source ends, at once: bytes still queued are not delivered after it. */
    public LineReader endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    /** Receives the source's failures. */
    public LineReader exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    /** Stops delivery after the current line or chunk; bytes keep being queued. */
    public LineReader pause() {
        paused = true;
        return this;
    }

    /**
     * Delivers queued lines in a loop until the queue is empty or a handler calls {@link #pause()}
     * again. Safe to call from inside a handler: nothing recurses.
     */
    public LineReader resume() {
        paused = false;
        drain();
        return this;
    }

    /**
     * Delivers the next {@code bytes} bytes to {@code chunkHandler} in chunks as they arrive, then
     * calls {@code endHandler} and goes back to line mode. Typically called from the line handler
     * of the command that announced them ({@code BDAT n}, an IMAP {@code {n}} literal).
     */
    public void readFixed(long bytes, Handler<Buffer> chunkHandler, Handler<Void> endHandler) {
        startFixed(bytes, Objects.requireNonNull(chunkHandler, "chunkHandler"), endHandler);
    }

    /** Like {@link #readFixed} but drops the bytes, e.g. a literal or BDAT chunk that was refused. */
    public void discardFixed(long bytes, Handler<Void> endHandler) {
        startFixed(bytes, null, endHandler);
    }

    /**
     * Drops every byte received but not yet delivered. Call it right after accepting STARTTLS, so
     * plain-text commands pipelined behind it are never executed (CVE-2011-0411). The source's flow
     * state is left alone: if {@link #sourcePaused()} is true, the peer sent more than the high-water
     * mark after the command and the source may still hold some of it, so close the connection.
     */
    public void discardBuffered() {
        queue.clear();
        discardingLine = false;
    }

    /** Bytes received but not delivered yet. */
    public long bufferedBytes() {
        return queue.size();
    }

    /** True while this reader holds its source paused because of the high-water mark. */
    public boolean sourcePaused() {
        return sourcePaused;
    }

    /** True while in fixed-size mode. */
    public boolean inFixedMode() {
        return fixedRemaining >= 0;
    }

    public Limits limits() {
        return limits;
    }

    private void startFixed(long bytes, Handler<Buffer> chunks, Handler<Void> end) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        if (inFixedMode()) {
            throw new IllegalStateException("already reading a fixed-size block");
        }
        fixedRemaining = bytes;
        chunkHandler = chunks;
        fixedEndHandler = end;
        drain();
    }

    private void handle(Buffer chunk) {
        if (!delivering && !paused && !discardingLine && queue.isEmpty() && fixedRemaining > 0 && chunk.length() > 0) {
            // Fast path for literals and BDAT: hand the chunk on without copying it into the queue.
            int direct = (int) Math.min(fixedRemaining, chunk.length());
            queue.append(chunk, direct); // the rest is queued first, so bytes stay in order
            delivering = true;
            try {
                Buffer part = chunkHandler == null ? null
                        : direct == chunk.length() ? chunk : chunk.getBuffer(0, direct);
                deliverFixed(part, direct);
            } finally {
                delivering = false;
            }
        } else {
            queue.append(chunk, 0);
        }
        drain();
    }

    private void drain() {
        if (!delivering) {
            delivering = true;
            try {
                while (!paused && step()) {
                    // each step delivers at most one line, chunk or event, then re-checks pause
                }
            } finally {
                delivering = false;
            }
        }
        updateFlowControl();
    }

    /** One unit of progress; false when more bytes (or a line handler) are needed. */
    private boolean step() {
        if (discardingLine) {
            return skipRestOfLongLine();
        }
        if (inFixedMode()) {
            return stepFixed();
        }
        return stepLine();
    }

    private boolean stepLine() {
        if (lineHandler == null) {
            return false;
        }
        int length = queue.indexOfCrlf();
        if (length >= 0) {
            if (length > limits.maxLineLength()) {
                queue.skip(length + 2);
                overflow();
            } else {
                Buffer line = queue.take(length);
                queue.skip(2);
                lineHandler.handle(line);
            }
            return true;
        }
        int pending = queue.size() - (queue.endsWithCr() ? 1 : 0);
        if (pending > limits.maxLineLength()) {
            queue.skip(pending); // a trailing CR stays: it may be the start of the line's CRLF
            discardingLine = true;
            overflow();
            return true;
        }
        return false;
    }

    private boolean skipRestOfLongLine() {
        int length = queue.indexOfCrlf();
        if (length >= 0) {
            queue.skip(length + 2);
            discardingLine = false;
            return true;
        }
        queue.skip(queue.size() - (queue.endsWithCr() ? 1 : 0));
        return false;
    }

    private boolean stepFixed() {
        if (fixedRemaining == 0) {
            finishFixed();
            return true;
        }
        if (queue.isEmpty()) {
            return false;
        }
        int length = (int) Math.min(fixedRemaining, queue.size());
        if (chunkHandler == null) {
            queue.skip(length);
            deliverFixed(null, length);
        } else {
            deliverFixed(queue.take(length), length);
        }
        return true;
    }

    // The end handler follows from the next step, so a chunk handler that pauses also defers it.
    private void deliverFixed(Buffer chunk, int length) {
        fixedRemaining -= length;
        if (chunk != null) {
            chunkHandler.handle(chunk);
        }
    }

    private void finishFixed() {
        Handler<Void> end = fixedEndHandler;
        fixedRemaining = -1;
        chunkHandler = null;
        fixedEndHandler = null;
        if (end != null) {
            end.handle(null); // may start the next fixed block at once
        }
    }

    private void overflow() {
        Handler<Void> handler = overflowHandler;
        if (handler != null) {
            handler.handle(null);
        }
    }

    /*
     * Only a paused reader (or one without a line handler) lets the queue grow: a running one has
     * delivered all it can and holds at most a partial line. Pausing the source then would wait
     * for bytes that can never come, so a running reader always resumes it.
     */
    private void updateFlowControl() {
        boolean blocked = paused || (!inFixedMode() && !discardingLine && lineHandler == null);
        int buffered = queue.size();
        if (!sourcePaused && blocked && buffered > limits.highWaterBytes()) {
            sourcePaused = true;
            source.pause();
        } else if (sourcePaused && (!blocked || buffered < limits.lowWaterBytes())) {
            sourcePaused = false;
            source.resume();
        }
    }
}
