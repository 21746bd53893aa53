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

    @Override
    public void readFixed(long bytes, Consumer<Buffer> chunks, Runnable end) {
        if (chunks == null) {
            reader.discardFixed(bytes, v -> end.run());
        } else {
            reader.readFixed(bytes, chunks::accept, v -> end.run());
        }
    }

    @Override
    public boolean discardBuffered() {
        reader.discardBuffered();
        return !reader.sourcePaused();
    }
}
