package io.postflow.gateway.mailbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads the framed answer of the fetch call as it arrives: per message a JSON line with its
 * metadata and section lengths, then the sections' octets, which go to the listener in the pieces
 * the network delivered, never gathered whole. When the listener's output is full
 * ({@link Listener#backpressure()} answers a pending future) the response is paused until that
 * completes. The stream must end with the {@code {"end":true}} line; anything else is a failure.
 */
public final class FetchFrames {

    /** Longest frame line accepted: metadata with ENVELOPE, BODYSTRUCTURE and a header. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    /** What a reader reports, in stream order. */
    public interface Listener {

        /** A message begins: its metadata and the octet count of each requested section. */
        void message(MessageMeta meta, long[] sectionLengths);

        /** Octets of section {@code index} of the current message, in order. */
        void octets(int index, Buffer chunk);

        /** Section {@code index} of the current message is complete (also for an empty one). */
        void sectionEnd(int index);

        /** The current message is complete. */
        void messageEnd();

        /** Completes when more octets may be given; pending means "pause the stream". */
        Future<Void> backpressure();
    }

    private final ReadStream<Buffer> response;
    private final Runnable abort;
    private final Listener listener;
    private final Promise<Void> done = Promise.promise();
    private Buffer line = Buffer.buffer();
    private long[] lengths;
    private int section;
    private long remaining;
    private boolean ended;

    private FetchFrames(ReadStream<Buffer> response, Runnable abort, Listener listener) {
        this.response = response;
        this.abort = abort;
        this.listener = listener;
    }

    /** Reads the whole response into the listener; completes after the end line. */
    public static Future<Void> read(HttpClientResponse response, Listener listener) {
        return read(response, () -> response.request().reset(), listener);
    }

    /**
     * Reads a framed stream into the listener; completes after the end line, or fails (and calls
     * {@code abort}) when the stream is broken, cut off or malformed.
     */
    public static Future<Void> read(ReadStream<Buffer> response, Runnable abort, Listener listener) {
        FetchFrames frames = new FetchFrames(response, abort, listener);
        response.handler(frames::chunk);
        response.exceptionHandler(frames::fail);
        response.endHandler(v -> frames.end());
        return frames.done.future();
    }

    private void chunk(Buffer chunk) {
        try {
            int at = 0;
            while (at < chunk.length() && !done.future().isComplete()) {
                at = lengths == null ? readLine(chunk, at) : readOctets(chunk, at);
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private int readLine(Buffer chunk, int at) {
        if (ended) {
            throw new IllegalStateException("octets after the end of the fetch stream");
        }
        for (int i = at; i < chunk.length(); i++) {
            if (chunk.getByte(i) == '\n') {
                line.appendBuffer(chunk, at, i - at);
                frame(line);
                line = Buffer.buffer();
                return i + 1;
            }
        }
        line.appendBuffer(chunk, at, chunk.length() - at);
        if (line.length() > MAX_LINE) {
            throw new IllegalStateException("fetch frame line longer than " + MAX_LINE + " octets");
        }
        return chunk.length();
    }

    private void frame(Buffer text) {
        JsonObject frame;
        try {
            frame = text.toJsonObject();
        } catch (DecodeException e) {
            throw new IllegalStateException("unreadable fetch frame", e);
        }
        if (frame.getBoolean("end", false)) {
            ended = true;
            return;
        }
        var sections = frame.getJsonArray("sections");
        lengths = new long[sections.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = sections.getLong(i);
        }
        listener.message(MessageMeta.of(frame.getJsonObject("message")), lengths);
        section = -1;
        nextSection();
    }

    /** Moves to the next section with octets, closing empty ones; ends the message after the last. */
    private void nextSection() {
        while (++section < lengths.length) {
            remaining = lengths[section];
            if (remaining > 0) {
                return;
            }
            listener.sectionEnd(section);
        }
        lengths = null;
        listener.messageEnd();
    }

    private int readOctets(Buffer chunk, int at) {
        int take = (int) Math.min(remaining, chunk.length() - at);
        listener.octets(section, at == 0 && take == chunk.length() ? chunk : chunk.slice(at, at + take));
        remaining -= take;
        if (remaining == 0) {
            listener.sectionEnd(section);
            nextSection();
        }
        Future<Void> ready = listener.backpressure();
        if (!ready.isComplete()) {
            response.pause();
            ready.onComplete(v -> response.resume());
        }
        return at + take;
    }

    private void end() {
        if (ended && lengths == null && line.length() == 0) {
            done.tryComplete();
        } else {
            fail(new IllegalStateException("the fetch stream ended early"));
        }
    }

    private void fail(Throwable failure) {
        if (done.tryFail(failure)) {
            response.handler(null);
            abort.run();
        }
    }
}
