package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {

    @Test
    void rfc3501Examples() {
        assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-")).isEqualTo("~peter/mail/台北/日本語");
        assertThat(ModifiedUtf7.encode("A&B")).isEqualTo("A&-B");
        assertThat(ModifiedUtf7.decode("A&-B")).isEqualTo("A&B");
        assertThat(ModifiedUtf7.encode("Entwürfe")).isEqualTo("Entw&APw-rfe");
    }

    @Test
    void roundTripsSupplementaryCharacters() {
        String name = "mail 😀 box";
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(name))).isEqualTo(name);
    }

    @Test
    void refusesNonCanonicalAndBroken() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AGE-")).isInstanceOf(IllegalArgumentException.class); // "a" in base64
        assertThatThrownBy(() -> ModifiedUtf7.decode("&U,BTFw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModifiedUtf7.decode("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
    }
}
