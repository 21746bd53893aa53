package io.postflow.gateway.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dot-stuffing and TOP's cut, fed whole and in every chunk size from 1 to 64. */
class ContentEncoderTest {

    private static final String MESSAGE = "Return-Path: <a@example.test>\r\nSubject: dots\r\n\r\n"
            + ".starts with a dot\r\n..two dots\r\nmiddle . dot\r\n.\r\nlast line\r\n";

    private static String encode(ContentEncoder encoder, String message, int chunk) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length && !encoder.complete(); i += chunk) {
            out.writeBytes(encoder.encode(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        out.writeBytes(encoder.end());
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void inEveryChunkSize(java.util.function.Supplier<ContentEncoder> encoder, String message, String expected) {
        for (int chunk = 1; chunk <= 64; chunk++) {
            assertThat(encode(encoder.get(), message, chunk)).as("chunk size %d", chunk).isEqualTo(expected);
        }
        assertThat(encode(encoder.get(), message, Integer.MAX_VALUE)).isEqualTo(expected);
    }

    @Test
    void stuffsDotsAtLineStartsAndEndsWithTheTerminator() {
        inEveryChunkSize(ContentEncoder::whole, MESSAGE, "Return-Path: <a@example.test>\r\nSubject: dots\r\n\r\n"
                + "..starts with a dot\r\n...two dots\r\nmiddle . dot\r\n..\r\nlast line\r\n.\r\n");
    }

    @Test
    void addsTheMissingCrlfBeforeTheTerminator() {
        inEveryChunkSize(ContentEncoder::whole, "Subject: x\r\n\r\nno newline at the end", "Subject: x\r\n\r\nno newline at the end\r\n.\r\n");
        inEveryChunkSize(ContentEncoder::whole, "Subject: x\r\n\r\nbare LF\n", "Subject: x\r\n\r\nbare LF\n\r\n.\r\n");
        inEveryChunkSize(ContentEncoder::whole, "", ".\r\n");
    }

    @Test
    void stuffsADotAfterABareLf() {
        inEveryChunkSize(ContentEncoder::whole, "Subject: x\r\n\r\na\n.\nb\r\n", "Subject: x\r\n\r\na\n..\nb\r\n.\r\n");
    }

    @Test
    void topSendsTheHeaderAndTheFirstBodyLines() {
        String header = "Return-Path: <a@example.test>\r\nSubject: dots\r\n\r\n";
        inEveryChunkSize(() -> ContentEncoder.top(0), MESSAGE, header + ".\r\n");
        inEveryChunkSize(() -> ContentEncoder.top(1), MESSAGE, header + "..starts with a dot\r\n.\r\n");
        inEveryChunkSize(() -> ContentEncoder.top(4), MESSAGE, header
                + "..starts with a dot\r\n...two dots\r\nmiddle . dot\r\n..\r\n.\r\n");
        inEveryChunkSize(() -> ContentEncoder.top(100), MESSAGE, encode(ContentEncoder.whole(), MESSAGE, 1000));
    }

    @Test
    void topOfAMessageWithoutBodyIsTheWholeMessage() {
        inEveryChunkSize(() -> ContentEncoder.top(0), "Subject: only a header\r\n", "Subject: only a header\r\n.\r\n");
    }

    @Test
    void topIsCompleteOnceItHasItsLines() {
        ContentEncoder top = ContentEncoder.top(1);
        top.encode("Subject: a\r\n\r\nline 1\r\nline 2\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(top.complete()).isTrue();
        assertThat(top.encode("more\r\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentEncoder.whole().complete()).isFalse();
    }
}
