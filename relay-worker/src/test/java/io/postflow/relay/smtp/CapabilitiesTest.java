package io.postflow.relay.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.smtp.SmtpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void readsKeywordsAndSize() {
        Capabilities caps = Capabilities.fromEhlo(new SmtpReply(250, null,
                List.of("mx.example.test greets you", "pipelining", "SIZE 35882577", "8BITMIME", "STARTTLS", "CHUNKING",
                        "SMTPUTF8", "DSN", "AUTH PLAIN LOGIN")));

        assertThat(caps.pipelining()).isTrue();
        assertThat(caps.size()).isTrue();
        assertThat(caps.maxSize()).isEqualTo(35882577);
        assertThat(caps.eightBitMime()).isTrue();
        assertThat(caps.startTls()).isTrue();
        assertThat(caps.chunking()).isTrue();
        assertThat(caps.smtpUtf8()).isTrue();
        assertThat(caps.dsn()).isTrue();
        assertThat(caps.binaryMime()).isFalse();
        assertThat(caps.has("AUTH")).isTrue();
    }

    @Test
    void sizeWithoutLimitAndNoExtensions() {
        assertThat(Capabilities.fromEhlo(new SmtpReply(250, null, List.of("mx", "SIZE"))).maxSize()).isZero();
        Capabilities bare = Capabilities.fromEhlo(new SmtpReply(250, null, List.of("mx.example.test")));
        assertThat(bare.keywords()).isEmpty();
        assertThat(bare.size()).isFalse();
    }
}
