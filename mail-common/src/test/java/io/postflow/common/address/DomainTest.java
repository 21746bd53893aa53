package io.postflow.common.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "example.com, example.com, example.com",
            "EXAMPLE.COM, example.com, example.com",
            // UTS #46 non-transitional: ß stays ß (IDNA2008), it is not mapped to "ss" (IDNA2003)
            "faß.de, xn--fa-hia.de, faß.de",
            "bücher.example, xn--bcher-kva.example, bücher.example",
            "BÜCHER.EXAMPLE, xn--bcher-kva.example, bücher.example",
            "XN--BCHER-KVA.example, xn--bcher-kva.example, bücher.example",
            "例子.广告, xn--fsqu00a.xn--4rr70v, 例子.广告",
            "münchen。de, xn--mnchen-3ya.de, münchen.de",
            "ab--cd.example, ab--cd.example, ab--cd.example",
            "localhost, localhost, localhost",
    })
    void convertsToALabels(String input, String ascii, String unicode) {
        Domain domain = Domain.parse(input);
        assertThat(domain.ascii()).isEqualTo(ascii);
        assertThat(domain.unicode()).isEqualTo(unicode);
        assertThat(domain.original()).isEqualTo(input);
        assertThat(domain).hasToString(ascii);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "a..b", ".a", "a.", "-a.example", "a-.example", "a_b.example", "a b.example", "a\r\nb.example",
            "a\u0000b.example", "xn--abc.example", "xn--zz-.example", "xn--ab--cd-mwa.example", "192.0.2.1",
            "example.123", "a\uFFFDb.example", "exa\u200Dmple.com", "\u0661\u0662.example", "ab--cü.example",
            "a@b.example", "[192.0.2.1]"
    })
    void rejectsInvalidDomains(String input) {
        assertThatThrownBy(() -> Domain.parse(input)).isInstanceOf(AddressException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Domain.parse(null)).isInstanceOf(AddressException.class);
    }

    @Test
    void labelLimitIs63Octets() {
        assertThat(Domain.parse("a".repeat(63) + ".example").ascii()).startsWith("aaa");
        assertThatThrownBy(() -> Domain.parse("a".repeat(64) + ".example"))
                .isInstanceOf(AddressException.class).hasMessageContaining("label too long");
    }

    @Test
    void domainLimitIs253Octets() {
        String d253 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(d253).hasSize(253);
        assertThat(Domain.parse(d253).ascii()).isEqualTo(d253);
        assertThatThrownBy(() -> Domain.parse(d253 + "d"))
                .isInstanceOf(AddressException.class).hasMessageContaining("too long");
    }

    @Test
    void limitsApplyToTheALabelForm() {
        // 60 "ü" are 120 UTF-8 octets but far more than 63 in A-label form.
        assertThatThrownBy(() -> Domain.parse("ü".repeat(10) + "x".repeat(50) + ".example"))
                .isInstanceOf(AddressException.class).hasMessageContaining("too long");
    }

    @Test
    void equalityIsOnALabels() {
        assertThat(Domain.parse("Bücher.Example")).isEqualTo(Domain.parse("xn--bcher-kva.example"))
                .hasSameHashCodeAs(Domain.parse("xn--bcher-kva.example"));
        assertThat(Domain.parse("faß.de")).isNotEqualTo(Domain.parse("fass.de"));
    }

    @Test
    void knowsWhetherItIsInternationalised() {
        assertThat(Domain.parse("bücher.example").isInternationalized()).isTrue();
        assertThat(Domain.parse("xn--bcher-kva.example").isInternationalized()).isTrue();
        assertThat(Domain.parse("example.com").isInternationalized()).isFalse();
    }

    @Test
    void reasonNeverEchoesInput() {
        assertThatThrownBy(() -> Domain.parse("evil\r\nRSET.example"))
                .isInstanceOf(AddressException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("evil").doesNotContain("\r"));
    }
}
