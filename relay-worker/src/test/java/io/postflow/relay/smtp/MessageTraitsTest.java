package io.postflow.relay.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTraitsTest {

    @Test
    void eightBitFromContentOrDeclaration() {
        List<Recipient> to = List.of(Recipient.of("a@b.test"));
        assertThat(MessageTraits.of(Buffer.buffer("plain\r\n"), MailParameters.NONE, "x@y.test", to).eightBit()).isFalse();
        assertThat(MessageTraits.of(Buffer.buffer(new byte[] {'a', (byte) 0xe9, '\r', '\n'}), MailParameters.NONE, "x@y.test", to)
                .eightBit()).isTrue();
        MailParameters declared = new MailParameters("8bitmime", false, null, null, null);
        assertThat(MessageTraits.of(Buffer.buffer("plain\r\n"), declared, "x@y.test", to).eightBit()).isTrue();
        MailParameters binary = new MailParameters("BINARYMIME", false, null, null, null);
        assertThat(MessageTraits.of(Buffer.buffer("x"), binary, "x@y.test", to).binary()).isTrue();
    }

    @Test
    void smtputf8FromParameterOrAddresses() {
        Buffer body = Buffer.buffer("x\r\n");
        assertThat(MessageTraits.of(body, MailParameters.NONE, "x@y.test", List.of(Recipient.of("a@b.test"))).smtpUtf8()).isFalse();
        assertThat(MessageTraits.of(body, MailParameters.NONE, "x@y.test", List.of(Recipient.of("\u00e4@b.test"))).smtpUtf8()).isTrue();
        assertThat(MessageTraits.of(body, MailParameters.NONE, "\u00e4@y.test", List.of(Recipient.of("a@b.test"))).smtpUtf8()).isTrue();
        assertThat(MessageTraits.of(body, new MailParameters(null, true, null, null, null), "", List.of()).smtpUtf8()).isTrue();
        assertThat(MessageTraits.of(body, MailParameters.NONE, "", List.of()).size()).isEqualTo(3);
    }
}
