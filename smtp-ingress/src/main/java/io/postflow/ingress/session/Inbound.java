package io.postflow.ingress.session;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * The session's control over what it reads: lines, fixed-size BDAT chunks, and the flow of both.
 * Backed by the shared {@link io.postflow.common.io.LineReader}; the session never sees the
 * socket underneath.
 */
public interface Inbound {

    /** Receives every line (CRLF removed); over-long lines go to {@code overflow} instead. */
    void start(Consumer<Buffer> lines, Runnable overflow, Runnable ended);

    /** No further line is delivered until {@link #resume()}: one command in flight at a time. */
    void pause();

    void resume();

    /**
     * Delivers the next {@code bytes} bytes to {@code chunks} as they arrive, then runs
     * {@code end}; a null {@code chunks} discards them (a refused BDAT chunk, RFC 3030 §2). Reading
     * runs even while paused for the command, and is paused again when {@code end} runs.
     */
    void readFixed(long bytes, Consumer<Buffer> chunks, Runnable end);

    /**
     * Drops whatever was received and not yet delivered (after the 220 to STARTTLS,
     * CVE-2011-0411). Returns false when the reader may still hold unread bytes in the socket,
     * which the caller must treat as an attack and close.
     */
    boolean discardBuffered();
}
