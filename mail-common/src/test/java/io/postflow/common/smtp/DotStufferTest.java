package io.postflow.common.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStufferTest {

    @Test
    void doublesDotsAtLineStartsAndTerminates() {
        assertThat(stuffWhole("a\r\n.b\r\n..c\r\n")).isEqualTo("a\r\n..b\r\n...c\r\n.\r\n");
        assertThat(stuffWhole(".first\r\n")).isEqualTo("..first\r\n.\r\n");
    }

    @Test
    void aDotAfterABareCrOrLfIsDoubledToo() {
        assertThat(stuffWhole("x\n.\nMAIL FROM:<e@x.test>\r\n")).isEqualTo("x\n..\nMAIL FROM:<e@x.test>\r\n.\r\n");
        assertThat(stuffWhole("x\r.\rY\r\n")).isEqualTo("x\r..\rY\r\n.\r\n");
    }

    @Test
    void addsTheMissingLineEndBeforeTheTerminator() {
        assertThat(stuffWhole("no newline")).isEqualTo("no newline\r\n.\r\n");
        assertThat(stuffWhole("ends in CR\r")).isEqualTo("ends in CR\r\n.\r\n");
        assertThat(stuffWhole("")).isEqualTo(".\r\n");
    }

    @Test
    void chunkBoundariesDoNotMatter() {
        String message = "a\r\n.b\n.c\r.d\r\n.\r\n..\r\nend";
        String whole = stuffWhole(message);
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        for (int size = 1; size <= bytes.length; size++) {
            DotStuffer stuffer = new DotStuffer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int at = 0; at < bytes.length; at += size) {
                out.writeBytes(stuffer.stuff(bytes, at, Math.min(size, bytes.length - at)));
            }
            out.writeBytes(stuffer.end());
            assertThat(out.toString(StandardCharsets.US_ASCII)).as("chunk %d", size).isEqualTo(whole);
        }
    }

    private static String stuffWhole(String message) {
        DotStuffer stuffer = new DotStuffer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(stuffer.stuff(message.getBytes(StandardCharsets.US_ASCII)));
        out.writeBytes(stuffer.end());
        return out.toString(StandardCharsets.US_ASCII);
    }
}
