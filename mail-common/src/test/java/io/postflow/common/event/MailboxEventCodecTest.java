package io.postflow.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxEventCodecTest {

    @Test
    void roundTrips() {
        MailboxEvent event = new MailboxEvent(42, "bob@example.test", MailboxEvent.Type.EXISTS, 17, 9, List.of(7L, 8L));
        assertThat(MailboxEventCodec.decode(MailboxEventCodec.encode(event))).isEqualTo(event);
        assertThat(MailboxEventCodec.key(event)).isEqualTo("42");
    }

    @Test
    void pinsTheWireFormat() {
        MailboxEvent event = new MailboxEvent(1, "a@b.test", MailboxEvent.Type.EXPUNGE, 5, 3, List.of(2L));
        assertThat(new String(MailboxEventCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"version\":1,\"mailboxId\":1,\"account\":\"a@b.test\",\"type\":\"EXPUNGE\",\"modseq\":5,\"uidNext\":3,\"uids\":[2]}");
    }

    @Test
    void ignoresUnknownFieldsButRefusesNewerVersionsAndGarbage() {
        String json = "{\"version\":1,\"mailboxId\":1,\"account\":\"a@b.test\",\"type\":\"FLAGS\",\"modseq\":5,"
                + "\"uidNext\":3,\"uids\":[],\"extra\":true}";
        assertThat(MailboxEventCodec.decode(json.getBytes(StandardCharsets.UTF_8)).type()).isEqualTo(MailboxEvent.Type.FLAGS);
        assertThatThrownBy(() -> MailboxEventCodec.decode("{\"version\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MailboxEventFormatException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> MailboxEventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MailboxEventFormatException.class);
        assertThatThrownBy(() -> MailboxEventCodec.decode(json.replace("FLAGS", "NOPE").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MailboxEventFormatException.class);
        assertThatThrownBy(() -> MailboxEventCodec.decode(null)).isInstanceOf(MailboxEventFormatException.class);
    }
}
