package io.postflow.common.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineReaderTest {

    private static final LineReader.Limits SMALL = new LineReader.Limits(10, 1 << 20, 1 << 10);
    /** Commands the test consumer understands: "BDAT n" and "... {n}" read n bytes, "SKIP n" drops them. */
    private static final Pattern FIXED = Pattern.compile("^BDAT (\\d+)$|\\{(\\d+)}$");
    private static final Pattern SKIP = Pattern.compile("^SKIP (\\d+)$");

    /** input, expected events: L:line, OVERFLOW, C:chunk (consecutive chunks merged), END. */
    static Stream<Arguments> framing() {
        String x10 = "x".repeat(10);
        return Stream.of(
                arguments("a\r\nb\r\n", List.of("L:a", "L:b")),
                arguments("\r\n\r\n", List.of("L:", "L:")),
                // only CRLF ends a line: bare LF and bare CR are content (SMTP smuggling defence)
                arguments("a\nb\r\n", List.of("L:a\nb")),
                arguments("a\rb\r\n", List.of("L:a\rb")),
                arguments("a\r\r\n", List.of("L:a\r")),
                arguments("a\n\r\n", List.of("L:a\n")),
                arguments("\n.\n\r\n", List.of("L:\n.\n")),
                arguments("\r.\r\r\n", List.of("L:\r.\r")),
                arguments("a\r\n\n\r\n\r\r\n", List.of("L:a", "L:\n", "L:\r")),
                arguments("no end", List.of()),
                arguments("cr at end\r", List.of()),
                // length: exactly the limit passes, one more overflows once and the next line is intact
                arguments(x10 + "\r\nok\r\n", List.of("L:" + x10, "L:ok")),
                arguments(x10 + "x\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments("x".repeat(100) + "\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments(x10 + "\r\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments("x".repeat(30) + "\ry\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments("x".repeat(30) + "\r\r\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments("x".repeat(30) + "\n\r\nok\r\n", List.of("OVERFLOW", "L:ok")),
                arguments(x10 + "x\r\n" + "y".repeat(11) + "\r\nok\r\n", List.of("OVERFLOW", "OVERFLOW", "L:ok")),
                arguments("x".repeat(50), List.of("OVERFLOW")),
                arguments("x".repeat(10) + "\r", List.of()),
                // fixed-size mode and back
                arguments("BDAT 5\r\nhelloQUIT\r\n", List.of("L:BDAT 5", "C:hello", "END", "L:QUIT")),
                arguments("BDAT 0\r\nQUIT\r\n", List.of("L:BDAT 0", "END", "L:QUIT")),
                arguments("A1 X {7}\r\n\r\nab\r\nc A2\r\n",
                        List.of("L:A1 X {7}", "C:\r\nab\r\nc", "END", "L: A2")),
                arguments("BDAT 3\r\nabcBDAT 2\r\nxyQUIT\r\n",
                        List.of("L:BDAT 3", "C:abc", "END", "L:BDAT 2", "C:xy", "END", "L:QUIT")),
                arguments("BDAT 40\r\n" + "z".repeat(40) + "QUIT\r\n",
                        List.of("L:BDAT 40", "C:" + "z".repeat(40), "END", "L:QUIT")),
                arguments("BDAT 4\r\nab\r\r\n\r\n", List.of("L:BDAT 4", "C:ab\r\r", "END", "L:\n")),
                arguments("BDAT 6\r\nab", List.of("L:BDAT 6", "C:ab")),
                arguments("SKIP 4\r\nxxxxQUIT\r\n", List.of("L:SKIP 4", "END", "L:QUIT")),
                arguments(x10 + "xx\r\nBDAT 2\r\n\r\n\r\n", List.of("OVERFLOW", "L:BDAT 2", "C:\r\n", "END", "L:")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("framing")
    void framesTheSameWhateverTheChunking(String input, List<String> expected) {
        byte[] bytes = input.getBytes(ISO_8859_1);
        assertThat(run(bytes, bytes.length + 1, false)).as("whole").isEqualTo(expected);
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertThat(run(bytes, chunk, false)).as("chunk size %d", chunk).isEqualTo(expected);
            assertThat(run(bytes, chunk, true)).as("chunk size %d, pausing consumer", chunk).isEqualTo(expected);
        }
    }

    @Test
    void agreesWithAReferenceFramerOnRandomInput() {
        Random random = new Random(5321);
        char[] alphabet = {'a', 'b', '\r', '\n', '\r', '\n'};
        for (int round = 0; round < 3000; round++) {
            int max = 1 + random.nextInt(12);
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                input.append(alphabet[random.nextInt(alphabet.length)]);
            }
            byte[] bytes = input.toString().getBytes(ISO_8859_1);
            List<String> expected = referenceFrames(input.toString(), max);
            LineReader.Limits limits = new LineReader.Limits(max, 1 << 20, 1 << 10);
            int chunk = 1 + random.nextInt(16);
            assertThat(run(bytes, chunk, random.nextBoolean(), limits)).as("%s max %d chunk %d", escape(input), max, chunk)
                    .isEqualTo(expected);
        }
    }

    @Test
    void pipelinedShortLinesWhilePausedNeverOverflow() {
        // The RecordParser defect: its limit applies to everything buffered, not to one line.
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = record(reader);
        reader.pause();
        source.emit("RCPT TO:<>\r\n".repeat(10_000).replace(":<>", "123"));
        assertThat(reader.bufferedBytes()).isEqualTo(10_000 * 12L);
        assertThat(events).isEmpty();
        reader.resume();
        assertThat(events).hasSize(10_000).allMatch(e -> e.equals("L:RCPT TO123"));
    }

    @Test
    void resumeFromInsideAHandlerDoesNotRecurse() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> lines = new ArrayList<>();
        reader.lineHandler(line -> {
            lines.add(line.toString(ISO_8859_1));
            reader.pause();
            reader.resume(); // a consumer that finished synchronously
        });
        reader.pause();
        source.emit("n\r\n".repeat(200_000));
        reader.resume();
        assertThat(lines).hasSize(200_000);
    }

    @Test
    void pauseInsideAHandlerStopsAfterThatLine() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> lines = new ArrayList<>();
        reader.lineHandler(line -> {
            lines.add(line.toString(ISO_8859_1));
            reader.pause();
        });
        source.emit("one\r\ntwo\r\nthree\r\n");
        assertThat(lines).containsExactly("one");
        reader.resume();
        assertThat(lines).containsExactly("one", "two");
        reader.resume();
        reader.resume();
        assertThat(lines).containsExactly("one", "two", "three");
        reader.resume();
        assertThat(lines).hasSize(3);
    }

    @Test
    void pausesTheSourceAtHighWaterAndResumesBelowLowWater() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, new LineReader.Limits(100, 1000, 200));
        List<String> lines = new ArrayList<>();
        reader.lineHandler(line -> {
            lines.add(line.toString(ISO_8859_1));
            reader.pause();
        });
        reader.pause();
        String line = "12345678\r\n"; // 10 bytes
        source.emit(line.repeat(60));
        assertThat(source.pauseCalls).isZero();
        source.emit(line.repeat(60));
        assertThat(source.pauseCalls).isEqualTo(1);
        assertThat(reader.sourcePaused()).isTrue();
        source.emit(line.repeat(10)); // a socket may hand over one more chunk; it is kept
        assertThat(reader.bufferedBytes()).isEqualTo(1300);
        assertThat(source.pauseCalls).isEqualTo(1);

        while (reader.bufferedBytes() >= 200) {
            assertThat(source.resumeCalls).isZero();
            reader.resume();
        }
        assertThat(source.resumeCalls).isEqualTo(1);
        assertThat(reader.sourcePaused()).isFalse();
        assertThat(lines).hasSize(111);
        while (reader.bufferedBytes() > 0) {
            reader.resume();
        }
        assertThat(lines).hasSize(130);
        assertThat(source.pauseCalls).isEqualTo(1);
        assertThat(source.resumeCalls).isEqualTo(1);
    }

    @Test
    void aRunningReaderNeverLeavesItsSourcePaused() {
        // A partial line above the low-water mark must not stall: its CRLF can only come from the source.
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, new LineReader.Limits(2000, 100, 10));
        List<String> events = record(reader);
        reader.pause();
        source.emit("a\r\n".repeat(50) + "p".repeat(500));
        assertThat(source.paused).isTrue();
        reader.resume();
        assertThat(events).hasSize(50);
        assertThat(reader.bufferedBytes()).isEqualTo(500);
        assertThat(source.paused).isFalse();
        source.emit("\r\n");
        assertThat(events).hasSize(51).last().isEqualTo("L:" + "p".repeat(500));
    }

    @Test
    void overLongLineIsNeverBufferedWhileRunning() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, new LineReader.Limits(100, 1000, 100));
        List<String> events = record(reader);
        byte[] chunk = "x".repeat(1000).getBytes(ISO_8859_1);
        for (int i = 0; i < 1000; i++) {
            source.emit(chunk);
            assertThat(reader.bufferedBytes()).isLessThanOrEqualTo(101);
        }
        assertThat(source.pauseCalls).isZero();
        source.emit("\r\nok\r\n");
        assertThat(events).containsExactly("OVERFLOW", "L:ok");
    }

    @Test
    void fixedChunksArriveAsTheyComeWithoutAccumulation() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = new ArrayList<>();
        reader.lineHandler(line -> {
            events.add("L:" + line.toString(ISO_8859_1));
            if (line.toString(ISO_8859_1).equals("BDAT 10")) {
                reader.readFixed(10, c -> events.add("C:" + c.toString(ISO_8859_1)), v -> events.add("END"));
            }
        });
        source.emit("BDAT 10\r\nab");
        source.emit("cdef");
        source.emit("ghij");
        source.emit("QUIT\r\n");
        assertThat(events).containsExactly("L:BDAT 10", "C:ab", "C:cdef", "C:ghij", "END", "L:QUIT");
    }

    @Test
    void readFixedLaterFromOutsideAHandler() {
        // The consumer pauses on BDAT, checks quota asynchronously, then asks for the bytes.
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = record(reader);
        reader.lineHandler(line -> {
            events.add("L:" + line.toString(ISO_8859_1));
            reader.pause();
        });
        source.emit("BDAT 3\r\nabcNOOP\r\n");
        assertThat(events).containsExactly("L:BDAT 3");
        reader.readFixed(3, c -> events.add("C:" + c.toString(ISO_8859_1)), v -> events.add("END"));
        assertThat(events).containsExactly("L:BDAT 3");
        reader.resume();
        assertThat(events).containsExactly("L:BDAT 3", "C:abc", "END", "L:NOOP");
    }

    @Test
    void pauseInTheLastChunkDefersTheEnd() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = new ArrayList<>();
        reader.lineHandler(line -> events.add("L:" + line.toString(ISO_8859_1)));
        reader.readFixed(3, c -> {
            events.add("C:" + c.toString(ISO_8859_1));
            reader.pause();
        }, v -> events.add("END"));
        source.emit("abcQUIT\r\n");
        assertThat(events).containsExactly("C:abc");
        assertThat(reader.inFixedMode()).isTrue();
        reader.resume();
        assertThat(events).containsExactly("C:abc", "END", "L:QUIT");
        assertThat(reader.inFixedMode()).isFalse();
    }

    @Test
    void readFixedRejectsMisuse() {
        LineReader reader = new LineReader(new FakeReadStream(), SMALL);
        reader.pause();
        assertThatThrownBy(() -> reader.readFixed(-1, c -> { }, v -> { })).isInstanceOf(IllegalArgumentException.class);
        reader.readFixed(5, c -> { }, v -> { });
        assertThatThrownBy(() -> reader.discardFixed(1, v -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void discardBufferedDropsPipelinedPlaintextAfterStartTls() {
        // CVE-2011-0411: commands pipelined behind STARTTLS must never run.
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> lines = new ArrayList<>();
        reader.lineHandler(line -> {
            String text = line.toString(ISO_8859_1);
            lines.add(text);
            if (text.equals("STARTTLS")) {
                reader.pause();
            }
        });
        source.emit("STARTTLS\r\nMAIL FROM\r\nRCPT TO\r\npartial");
        assertThat(lines).containsExactly("STARTTLS");
        assertThat(reader.bufferedBytes()).isEqualTo(27);
        reader.discardBuffered();
        assertThat(reader.bufferedBytes()).isZero();
        reader.resume();
        assertThat(lines).containsExactly("STARTTLS");
        source.emit("EHLO c\r\n");
        assertThat(lines).containsExactly("STARTTLS", "EHLO c");
    }

    @Test
    void discardBufferedAlsoEndsTheDiscardOfALongLine() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = record(reader);
        source.emit("x".repeat(20));
        reader.discardBuffered();
        source.emit("fresh\r\n");
        assertThat(events).containsExactly("OVERFLOW", "L:fresh");
    }

    @Test
    void linesWaitForALineHandler() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        source.emit("early\r\n");
        assertThat(reader.bufferedBytes()).isEqualTo(7);
        List<String> lines = new ArrayList<>();
        reader.lineHandler(line -> lines.add(line.toString(ISO_8859_1)));
        assertThat(lines).containsExactly("early");
    }

    @Test
    void passesEndAndFailuresThrough() {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, SMALL);
        List<String> events = record(reader);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        reader.endHandler(v -> events.add("EOF"));
        reader.exceptionHandler(failure::set);
        source.emit("last\r\nincomplete");
        source.end();
        IllegalStateException boom = new IllegalStateException("boom");
        source.fail(boom);
        assertThat(events).containsExactly("L:last", "EOF");
        assertThat(failure.get()).isSameAs(boom);
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new LineReader.Limits(0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineReader.Limits(10, 10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineReader.Limits(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LineReader.Limits(2048, 65536, 16384).maxLineLength()).isEqualTo(2048);
    }

    // --- harness ---

    private static List<String> run(byte[] input, int chunkSize, boolean pausingConsumer) {
        return run(input, chunkSize, pausingConsumer, SMALL);
    }

    /**
     * Feeds the input in chunks. A pausing consumer pauses after every event and is resumed after
     * every chunk until it makes no more progress, like an asynchronous session would.
     */
    private static List<String> run(byte[] input, int chunkSize, boolean pausingConsumer, LineReader.Limits limits) {
        FakeReadStream source = new FakeReadStream();
        LineReader reader = new LineReader(source, limits);
        List<String> events = new ArrayList<>();
        Runnable afterEvent = pausingConsumer ? reader::pause : () -> { };
        reader.overflowHandler(v -> {
            events.add("OVERFLOW");
            afterEvent.run();
        });
        reader.lineHandler(line -> {
            String text = line.toString(ISO_8859_1);
            events.add("L:" + text);
            startFixedIfAsked(reader, text, events, afterEvent);
            afterEvent.run();
        });
        for (int offset = 0; offset < input.length; offset += chunkSize) {
            byte[] chunk = java.util.Arrays.copyOfRange(input, offset, Math.min(input.length, offset + chunkSize));
            source.emit(chunk);
            int before;
            do {
                before = events.size();
                reader.resume();
            } while (events.size() > before);
        }
        return mergeChunks(events);
    }

    private static void startFixedIfAsked(LineReader reader, String line, List<String> events, Runnable afterEvent) {
        Matcher fixed = FIXED.matcher(line);
        if (fixed.find()) {
            long n = Long.parseLong(fixed.group(1) != null ? fixed.group(1) : fixed.group(2));
            reader.readFixed(n, chunk -> {
                events.add("C:" + chunk.toString(ISO_8859_1));
                afterEvent.run();
            }, v -> {
                events.add("END");
                afterEvent.run();
            });
        }
        Matcher skip = SKIP.matcher(line);
        if (skip.find()) {
            reader.discardFixed(Long.parseLong(skip.group(1)), v -> {
                events.add("END");
                afterEvent.run();
            });
        }
    }

    private static List<String> mergeChunks(List<String> events) {
        List<String> merged = new ArrayList<>();
        for (String event : events) {
            int last = merged.size() - 1;
            if (event.startsWith("C:") && last >= 0 && merged.get(last).startsWith("C:")) {
                merged.set(last, merged.get(last) + event.substring(2));
            } else {
                merged.add(event);
            }
        }
        return merged;
    }

    private static List<String> record(LineReader reader) {
        List<String> events = new ArrayList<>();
        reader.lineHandler(line -> events.add("L:" + line.toString(ISO_8859_1)));
        reader.overflowHandler(v -> events.add("OVERFLOW"));
        return events;
    }

    /** The obvious, non-incremental framer: split at each CRLF, flag lines over the limit. */
    private static List<String> referenceFrames(String input, int max) {
        List<String> events = new ArrayList<>();
        int start = 0;
        int crlf;
        while ((crlf = input.indexOf("\r\n", start)) >= 0) {
            String line = input.substring(start, crlf);
            events.add(line.length() > max ? "OVERFLOW" : "L:" + line);
            start = crlf + 2;
        }
        String rest = input.substring(start);
        int pending = rest.length() - (rest.endsWith("\r") ? 1 : 0);
        if (pending > max) {
            events.add("OVERFLOW"); // reported as soon as the line is certainly too long
        }
        return events;
    }

    private static String escape(CharSequence text) {
        return text.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    @SuppressWarnings("unused")
    private static Buffer buffer(String text) {
        return Buffer.buffer(text.getBytes(ISO_8859_1));
    }
}
