package io.postflow.common.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void encodesContinuationLinesWithTheStatusOnEachLine() {
        SmtpReply ehlo = new SmtpReply(250, null, List.of("mx.example greets you", "PIPELINING", "SIZE 26214400"));
        assertThat(SmtpReplyEncoder.encode(ehlo, true))
                .isEqualTo("250-mx.example greets you\r\n250-PIPELINING\r\n250 SIZE 26214400\r\n");
        SmtpReply unknown = new SmtpReply(550, EnhancedStatus.parse("5.1.1"), List.of("no such user", "really"));
        assertThat(SmtpReplyEncoder.encode(unknown, true)).isEqualTo("550-5.1.1 no such user\r\n550 5.1.1 really\r\n");
        assertThat(SmtpReplyEncoder.encode(unknown, false)).isEqualTo("550-no such user\r\n550 really\r\n");
    }

    @Test
    void refusesInconsistentOrUnsafeReplies() {
        assertThatThrownBy(() -> SmtpReply.of(250, "5.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(250, null, "a\r\n250 injected")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(199, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmtpReply.of(451, "4.3.0", "try later").isTransient()).isTrue();
        assertThat(SmtpReply.of(554, "5.0.0", "no").isPermanent()).isTrue();
    }

    @Test
    void parsesWhatItEncodes() {
        SmtpReply reply = new SmtpReply(250, EnhancedStatus.parse("2.1.0"), List.of("sender ok", "second line"));
        SmtpReplyParser parser = new SmtpReplyParser();
        String[] lines = SmtpReplyEncoder.encode(reply, true).split("\r\n");
        assertThat(parser.feed(lines[0])).isNull();
        assertThat(parser.feed(lines[1])).isEqualTo(reply);
    }

    @Test
    void parsesRepliesWithoutEnhancedCodesAndBareCodes() {
        SmtpReplyParser parser = new SmtpReplyParser();
        assertThat(parser.feed("220 mx.remote.test ESMTP")).isEqualTo(new SmtpReply(220, null, List.of("mx.remote.test ESMTP")));
        assertThat(parser.feed("354")).isEqualTo(new SmtpReply(354, null, List.of("")));
        assertThat(parser.feed("250-mx.remote.test")).isNull();
        assertThat(parser.feed("250 8BITMIME").lines()).containsExactly("mx.remote.test", "8BITMIME");
    }

    @Test
    void refusesMalformedReplies() {
        assertThatThrownBy(() -> new SmtpReplyParser().feed("25")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReplyParser().feed("2x0 hi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReplyParser().feed("250_hi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReplyParser().feed("999 hi")).isInstanceOf(IllegalArgumentException.class);
        SmtpReplyParser mixed = new SmtpReplyParser();
        mixed.feed("250-a");
        assertThatThrownBy(() -> mixed.feed("550 b")).isInstanceOf(IllegalArgumentException.class);
        SmtpReplyParser endless = new SmtpReplyParser();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                endless.feed("250-x");
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xtextRoundTripsAndRefusesBadEscapes() {
        assertThat(XText.encode("a+b=c d")).isEqualTo("a+2Bb+3Dc+20d");
        assertThat(XText.decode("a+2Bb+3Dc+20d")).isEqualTo("a+b=c d");
        assertThat(XText.decode(XText.encode("jöran<id>"))).isEqualTo("jöran<id>");
        assertThatThrownBy(() -> XText.decode("a+2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XText.decode("a+2b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XText.decode("a=b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XText.decode("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
