package io.postflow.gateway.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.io.LineReader;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Command framing through the real line reader, fed whole and in every chunk size from 1 to 64
 * (STYLE.md §8.1): the same pipelined stream must give the same commands and the same
 * continuation and BAD responses, wherever the socket happens to split it.
 */
class CommandFramerTest {

    private static final long LITERAL_LIMIT = 16;
    private static final long MAX_COMMAND = 200;

    @Test
    void pipelinedCommandsWithLiteralsComeOutWholeAtEveryChunkSize() {
        String wire = "a1 NOOP\r\n"
                + "a2 LOGIN {5}\r\nalice {6}\r\nsecret\r\n"
                // A literal holding a CRLF and something that looks like a literal announcement.
                + "a3 APPEND INBOX {15+}\r\nx {3}\r\n\r\nbody\r\n\r\n"
                + "a4 SELECT \"INBOX\"\r\n"
                + "a5 LIST \"\" {0}\r\n\r\n"
                + "a6 NOOP\r\n";
        Result r = frame(wire);
        assertThat(r.commands()).containsExactly(
                "a1 NOOP",
                "a2 LOGIN {5}\r\nalice {6}\r\nsecret",
                "a3 APPEND INBOX {15+}\r\nx {3}\r\n\r\nbody\r\n",
                "a4 SELECT \"INBOX\"",
                "a5 LIST \"\" {0}\r\n",
                "a6 NOOP");
        // One "+" per synchronising literal, none for LITERAL+.
        assertThat(r.responses()).containsExactly("+ Ready for literal data", "+ Ready for literal data",
                "+ Ready for literal data");
    }

    @Test
    void refusedLiteralsKeepTheStreamInStepAtEveryChunkSize() {
        String big = "y".repeat(20);
        String wire = "b1 APPEND INBOX {20+}\r\n" + big + " {2+}\r\nzz\r\n" // non-synchronising: read and dropped
                + "b2 APPEND INBOX {20}\r\n"                               // synchronising: never sent
                + "b3 NOOP\r\n";
        Result r = frame(wire);
        assertThat(r.commands()).containsExactly("b3 NOOP");
        assertThat(r.responses()).containsExactly("b1 BAD [TOOBIG] literal larger than 16 octets",
                "b2 BAD [TOOBIG] literal larger than 16 octets");
    }

    @Test
    void overlongCommandIsRefusedAndTheNextOneRead() {
        String wire = "c1 NOOP " + "x".repeat(300) + "\r\nc2 NOOP\r\n";
        Result r = frame(wire);
        assertThat(r.commands()).containsExactly("c2 NOOP");
        assertThat(r.responses()).hasSize(1).first().asString().contains("BAD");
    }

    // -----------------------------------------------------------------------------------------

    private record Result(List<String> commands, List<String> responses) {
    }

    /** Frames the bytes whole and in every chunk size from 1 to 64; all must agree. */
    private static Result frame(String wire) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        Result whole = feed(bytes, bytes.length);
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertThat(feed(bytes, chunk)).as("chunk size %d", chunk).isEqualTo(whole);
        }
        return whole;
    }

    private static Result feed(byte[] bytes, int chunk) {
        FakeStream stream = new FakeStream();
        LineReader reader = new LineReader(stream, new LineReader.Limits(256, 64 * 1024, 16 * 1024));
        List<String> responses = new ArrayList<>();
        CommandFramer framer = new CommandFramer(reader, responses::add, () -> LITERAL_LIMIT, MAX_COMMAND);
        List<String> commands = new ArrayList<>();
        boolean[] waiting = {false};
        framer.start(command -> {
            commands.add(new String(command, StandardCharsets.ISO_8859_1));
            waiting[0] = true;
        });
        for (int at = 0; at < bytes.length; at += chunk) {
            stream.push(Buffer.buffer(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
            // The session asks for the next command only once the previous one is done.
            while (waiting[0]) {
                waiting[0] = false;
                framer.next();
            }
        }
        return new Result(commands, responses);
    }

    /** A ReadStream the test pushes chunks into, as a socket would. */
    private static final class FakeStream implements ReadStream<Buffer> {
        private Handler<Buffer> handler;

        void push(Buffer chunk) {
            handler.handle(chunk);
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
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> h) {
            return this;
        }
    }
}
