package io.postflow.ingress.session;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** The socket's read side: bytes the test feeds, and whether the reader paused it. */
final class FakeReadStream implements ReadStream<Buffer> {

    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private boolean paused;

    void feed(Buffer bytes) {
        handler.handle(bytes);
    }

    void end() {
        if (endHandler != null) {
            endHandler.handle(null);
        }
    }

    boolean paused() {
        return paused;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
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
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        paused = false;
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
