package io.postflow.mailbox.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternalClientKeyTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.1, 192.0.2.1",
            "' 192.0.2.1 ', 192.0.2.1",
            "::ffff:192.0.2.1, 192.0.2.1",
            "2001:db8::1, 2001:db8:0:0:0:0:0:0/64",
            "2001:DB8:0:0:ffff::9, 2001:db8:0:0:0:0:0:0/64",
            "[2001:db8:0:1::1], 2001:db8:0:1:0:0:0:0/64",
            "::1, 0:0:0:0:0:0:0:0/64"})
    void normalisesAndGroupsIpv6By64(String input, String key) {
        assertThat(ClientKey.of(input)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "mail.example.test", "192.0.2.1:25", "256.0.0.1", "2001:db8::g"})
    void onlyIpLiteralsAreAccepted(String input) {
        assertThatThrownBy(() -> ClientKey.of(input)).isInstanceOf(MailRejection.class);
    }
}
