package io.postflow.gateway.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader of the fetch stream, fed whole and in every chunk size from 1 to 64: the same
 * messages and section octets come out wherever the network splits the frames, octets are never
 * read as lines, and a stream that is cut off or carries garbage fails and is aborted.
 */
class FetchFramesTest {

    private static final String M1 = "{\"message\":{\"uid\":7,\"flags\":[\"\\\\Seen\"],\"keywords\":[],\"modseq\":9,"
            + "\"size\":8},\"sections\":[5,0,3]}\n";
    private static final String M2 = "{\"message\":{\"uid\":9,\"flags\":[],\"keywords\":[\"$Later\"],\"modseq\":4,"
            + "\"size\":13},\"sections\":[13]}\n";
    private static final String END = "{\"end\":true}\n";

    @Test
    void messagesAndSectionsComeOutTheSameAtEveryChunkSize() {
        // The second message's octets hold line feeds and something that looks like a frame.
        String wire = M1 + "hello" + "abc" + M2 + "x\n{\"end\":true" + END;
        List<String> whole = read(wire, wire.length()).events;
        assertThat(whole).containsExactly(
                "message 7 [\\Seen] [5, 0, 3]", "section 0: hello", "section 1: ", "section 2: abc", "end of 7",
                "message 9 [$Later] [13]", "section 0: x\n{\"end\":true", "end of 9",
                "done");
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertThat(read(wire, chunk).events).as("chunk size %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void aStreamWithoutTheEndLineFailsAndIsAborted() {
        for (String cut : List.of(M1 + "hel", M1 + "helloabc", M1 + "helloabc" + M2.substring(0, 10), "")) {
            Result r = read(cut, 4);
            assertThat(r.events).as(cut).last().asString().startsWith("failed: ");
            assertThat(r.aborted).as(cut).isTrue();
        }
    }

    @Test
    void garbageFailsAndIsAborted() {
        Result r = read("not json\n", 3);
        assertThat(r.events).last().asString().startsWith("failed: ");
        assertThat(r.aborted).isTrue();
        Result after = read(END + "more", 64);
        assertThat(after.events).last().asString().startsWith("failed: ");
    }

    @Test
    void theStreamPausesWhileTheListenerIsFull() {
        FakeStream stream = new FakeStream();
        Promise<Void> full = Promise.promise();
        List<String> events = new ArrayList<>();
        Recorder recorder = new Recorder(events) {
            @Override
            public Future<Void> backpressure() {
                return full.future();
            }
        };
        FetchFrames.read(stream, () -> { }, recorder);
        stream.push(Buffer.buffer(M1 + "he"));
        assertThat(stream.paused).isTrue();
        full.complete();
        assertThat(stream.paused).isFalse();
    }

    // -----------------------------------------------------------------------------------------

    private record Result(List<String> events, boolean aborted) {
    }

    private static Result read(String wire, int chunk) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        FakeStream stream = new FakeStream();
        List<String> events = new ArrayList<>();
        boolean[] aborted = {false};
        FetchFrames.read(stream, () -> aborted[0] = true, new Recorder(events)).onComplete(done -> events.add(
                done.succeeded() ? "done" : "failed: " + done.cause().getMessage()));
        for (int at = 0; at < bytes.length && !aborted[0]; at += chunk) {
            stream.push(Buffer.buffer(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
        }
        if (!aborted[0]) {
            stream.end();
        }
        return new Result(events, aborted[0]);
    }

    /** Records what the reader reports, each section's octets joined. */
    private static class Recorder implements FetchFrames.Listener {
        private final List<String> events;
        private final ByteArrayOutputStream octets = new ByteArrayOutputStream();
        private long uid;

        Recorder(List<String> events) {
            this.events = events;
        }

        @Override
        public void message(MessageMeta meta, long[] lengths) {
            uid = meta.uid();
            events.add("message " + meta.uid() + " " + meta.flags() + " " + Arrays.toString(lengths));
        }

        @Override
        public void octets(int index, Buffer chunk) {
            octets.writeBytes(chunk.getBytes());
        }

        @Override
        public void sectionEnd(int index) {
            events.add("section " + index + ": " + octets.toString(StandardCharsets.UTF_8));
            octets.reset();
        }

        @Override
        public void messageEnd() {
            events.add("end of " + uid);
        }

        @Override
        public Future<Void> backpressure() {
            return Future.succeededFuture();
        }
    }

    /** A ReadStream the test pushes chunks into. */
    private static final class FakeStream implements ReadStream<Buffer> {
        private Handler<Buffer> handler;
        private Handler<Void> endHandler;
        boolean paused;

        void push(Buffer chunk) {
            if (handler != null) {
                handler.handle(chunk);
            }
        }

        void end() {
            endHandler.handle(null);
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> h) {
            this.handler = h;
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
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> h) {
            this.endHandler = h;
            return this;
        }
    }
}
