package io.postflow.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.io.LineReader;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DATA framing through the real line reader, fed whole and in every chunk size from 1 to 64: the
 * smuggling cases of the MX/Postfix/Sendmail disclosures never end the data early or make two
 * messages, and the bytes kept are exactly the ones sent.
 */
class DataReceiverTest {

    private static final Buffer PREFIX = Buffer.buffer("Received: test\r\n");

    @Test
    void unstuffsDotsAndKeepsBytesExact() {
        Result r = receive("Subject: x\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n", 1000);
        assertThat(r.verdict).isEqualTo(DataReceiver.Verdict.ACCEPTABLE);
        assertThat(r.message).isEqualTo("Received: test\r\nSubject: x\r\n\r\n.leading dot\r\n");
        assertThat(r.after).containsExactly("QUIT");
    }

    @Test
    void smugglingSequencesNeverEndTheData() {
        for (String fake : new String[] {"\n.\n", "\r.\r", "\n.\r\n", "\r\n.\n", "\r.\r\n"}) {
            String data = "Subject: x\r\n\r\nhello" + fake + "MAIL FROM:<evil@x.test>\r\nRCPT TO:<victim@y.test>\r\nDATA\r\n"
                    + "smuggled\r\n.\r\nNOOP\r\n";
            Result r = receive(data, 100_000);
            assertThat(r.complete).as("complete for %s", escape(fake)).isTrue();
            assertThat(r.verdict).as(escape(fake)).isEqualTo(DataReceiver.Verdict.BARE_LINE_BREAK);
            assertThat(r.after).as(escape(fake)).containsExactly("NOOP");
        }
    }

    @Test
    void oversizedMessageIsReadToItsEndAndRefused() {
        StringBuilder data = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; i < 100; i++) {
            data.append("0123456789012345678901234567890123456789\r\n");
        }
        Result r = receive(data + ".\r\nRSET\r\n", 1000);
        assertThat(r.verdict).isEqualTo(DataReceiver.Verdict.TOO_LARGE);
        assertThat(r.size).isEqualTo(data.length());
        assertThat(r.after).containsExactly("RSET");
    }

    @Test
    void the998OctetLimitOfTextLines() {
        String ok = "a".repeat(998);
        assertThat(receive("\r\n" + ok + "\r\n.\r\n", 100_000).verdict).isEqualTo(DataReceiver.Verdict.ACCEPTABLE);
        assertThat(receive("\r\n" + ok + "b\r\n.\r\n", 100_000).verdict).isEqualTo(DataReceiver.Verdict.LINE_TOO_LONG);
        // A stuffed 999-octet line is 998 after unstuffing but was sent as 999: too long on the wire.
        assertThat(receive("\r\n." + ok + "\r\n.\r\n", 100_000).verdict).isEqualTo(DataReceiver.Verdict.LINE_TOO_LONG);
    }

    @Test
    void eightBitAndEmptyMessages() {
        Result r = receive("Subject: caf\u00e9\r\n\r\n\u00fcber\r\n.\r\n", 1000);
        assertThat(r.message).isEqualTo("Received: test\r\nSubject: caf\u00e9\r\n\r\n\u00fcber\r\n");
        assertThat(receive(".\r\n", 1000).message).isEqualTo("Received: test\r\n");
    }

    // -----------------------------------------------------------------------------------------

    private record Result(boolean complete, DataReceiver.Verdict verdict, String message, long size, List<String> after) {
    }

    /** Feeds the bytes whole and in every chunk size from 1 to 64; all must agree. */
    private static Result receive(String wire, long max) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        Result whole = feed(bytes, bytes.length, max);
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertThat(feed(bytes, chunk, max)).as("chunk size %d", chunk).isEqualTo(whole);
        }
        return whole;
    }

    private static Result feed(byte[] bytes, int chunk, long max) {
        FakeStream stream = new FakeStream();
        LineReader reader = new LineReader(stream, new LineReader.Limits(2048, 64 * 1024, 16 * 1024));
        DataReceiver receiver = new DataReceiver(PREFIX, max);
        List<String> after = new ArrayList<>();
        reader.overflowHandler(v -> receiver.overlongLine());
        reader.lineHandler(line -> {
            if (receiver.complete()) {
                after.add(line.toString(StandardCharsets.UTF_8));
            } else {
                receiver.line(line);
            }
        });
        for (int at = 0; at < bytes.length; at += chunk) {
            stream.push(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
        }
        return new Result(receiver.complete(), receiver.verdict(), receiver.message().toString(StandardCharsets.UTF_8),
                receiver.size(), after);
    }

    private static String escape(String s) {
        return s.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    /** A ReadStream the test pushes chunks into. */
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
