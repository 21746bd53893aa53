package io.postflow.gateway.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pop3ReplyTest {

    private static String text(Pop3Reply reply) {
        return new String(reply.encode(), StandardCharsets.UTF_8);
    }

    @Test
    void encodesStatusLinesWithResponseCodes() {
        assertThat(text(Pop3Reply.ok("2 320"))).isEqualTo("+OK 2 320\r\n");
        assertThat(text(Pop3Reply.err("no such message"))).isEqualTo("-ERR no such message\r\n");
        assertThat(text(Pop3Reply.err(ResponseCode.IN_USE, "locked"))).isEqualTo("-ERR [IN-USE] locked\r\n");
        assertThat(text(Pop3Reply.err(ResponseCode.SYS_TEMP, "later"))).isEqualTo("-ERR [SYS/TEMP] later\r\n");
    }

    @Test
    void encodesMultiLineAnswersDotStuffed() {
        assertThat(text(Pop3Reply.multiline("follows", List.of("TOP", ".odd")))).isEqualTo("+OK follows\r\nTOP\r\n..odd\r\n.\r\n");
        assertThat(text(Pop3Reply.multiline("0 messages", List.of()))).isEqualTo("+OK 0 messages\r\n.\r\n");
    }
}
