package io.postflow.mailbox.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InternalSystemFlagsTest {

    @Test
    void eachFlagHasItsBit() {
        assertThat(SystemFlags.bits(List.of("\\Seen"))).isEqualTo(1);
        assertThat(SystemFlags.bits(List.of("\\Answered"))).isEqualTo(2);
        assertThat(SystemFlags.bits(List.of("\\Flagged"))).isEqualTo(4);
        assertThat(SystemFlags.bits(List.of("\\Deleted"))).isEqualTo(8);
        assertThat(SystemFlags.bits(List.of("\\Draft"))).isEqualTo(16);
        assertThat(SystemFlags.bits(List.of())).isZero();
    }

    @Test
    void namesAreCaseInsensitiveAndCombine() {
        assertThat(SystemFlags.bits(List.of("\\SEEN", "\\flagged", "\\Seen"))).isEqualTo(5);
    }

    @Test
    void namesComeBackInBitOrder() {
        assertThat(SystemFlags.names(31)).containsExactly("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");
        assertThat(SystemFlags.names(SystemFlags.DRAFT | SystemFlags.SEEN)).containsExactly("\\Seen", "\\Draft");
        assertThat(SystemFlags.names(0)).isEmpty();
    }

    @Test
    void roundTrips() {
        for (int bits = 0; bits < 32; bits++) {
            assertThat(SystemFlags.bits(SystemFlags.names(bits))).isEqualTo(bits);
        }
    }

    @Test
    void recentKeywordsAndUnknownFlagsAreRefused() {
        for (String name : new String[] {"\\Recent", "$Forwarded", "\\Unknown", "Seen"}) {
            assertThatThrownBy(() -> SystemFlags.bits(List.of(name)))
                    .isInstanceOf(MailRejection.class)
                    .extracting(e -> ((MailRejection) e).code()).isEqualTo(MailRejection.Code.INVALID);
        }
    }
}
