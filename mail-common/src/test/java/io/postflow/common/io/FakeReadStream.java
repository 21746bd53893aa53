package io.postflow.common.io;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;

/** A socket stand-in: the test pushes chunks, the reader's pause/resume calls are counted. */
final class FakeReadStream implements ReadStream<Buffer> {

    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    boolean paused;
    int pauseCalls;
    int resumeCalls;

    /** Delivers a chunk even while paused: a real socket may still hand over what it already read. */
    void emit(byte[] bytes) {
        handler.handle(Buffer.buffer(bytes));
    }

    void emit(String text) {
        emit(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void end() {
        endHandler.handle(null);
    }

    void fail(Throwable t) {
        exceptionHandler.handle(t);
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        paused = true;
        pauseCalls++;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        paused = false;
        resumeCalls++;
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        return resume();
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}
