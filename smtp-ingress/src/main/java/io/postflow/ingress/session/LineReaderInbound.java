package io.postflow.ingress.session;

import io.postflow.common.io.LineReader;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/** {@link Inbound} on the shared CRLF-only line reader. */
public final class LineReaderInbound implements Inbound {

    private final LineReader reader;

    public LineReaderInbound(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public void start(Consumer<Buffer> lines, Runnable overflow, Runnable ended) {
        reader.overflowHandler(v -> overflow.run());
        reader.endHandler(v -> ended.run());
        reader.lineHandler(lines::accept);
    }

    @Override
    public void pause() {
        reader.pause();
    }

    @Override
    public void resume() {
        reader.resume();
    }

    /**
     * The command that announced the chunk paused the reader (one command in flight); the chunk's
     * bytes flow while it is read, and the reader is paused again before its end is reported, so
     * no line after the chunk is delivered until the session answered the chunk.
     */
    @Override
    public void readFixed(long bytes, Consumer<Buffer> chunks, Runnable end) {
        if (chunks == null) {
            reader.discardFixed(bytes, v -> finishFixed(end));
        } else {
            reader.readFixed(bytes, chunks::accept, v -> finishFixed(end));
        }
        reader.resume();
    }

    private void finishFixed(Runnable end) {
        reader.pause();
        end.run();
    }

    @Override
    public boolean discardBuffered() {
        reader.discardBuffered();
        return !reader.sourcePaused();
    }
}
