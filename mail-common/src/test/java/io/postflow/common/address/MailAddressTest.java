package io.postflow.common.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests drawn from RFC 5321 §4.1.2/§4.1.3/§4.5.3.1, RFC 5322 §3.2.3, RFC 6531 and RFC 3696. */
class MailAddressTest {

    private static final boolean ASCII = false;
    private static final boolean UTF8 = true;

    private static final String LOCAL_64 = "a".repeat(64);
    private static final String LABEL_63 = "l".repeat(63);
    // 64 + "@" + 189 = 254 octets, the longest mailbox RFC 5321 §4.5.3.1.3 allows inside a 256-octet path.
    private static final String DOMAIN_189 = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".com";

    /** input, allowUtf8, canonical toString(). */
    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("user@example.com", ASCII, "user@example.com"),
                arguments("USER@EXAMPLE.COM", ASCII, "USER@example.com"),
                arguments("first.last@example.com", ASCII, "first.last@example.com"),
                arguments("user+tag@example.com", ASCII, "user+tag@example.com"),
                arguments("a@b.c", ASCII, "a@b.c"),
                arguments("user@localhost", ASCII, "user@localhost"),
                // RFC 5322 §3.2.3 atext specials, RFC 3696 §3 examples
                arguments("!#$%&'*+-/=?^_`{|}~@example.com", ASCII, "!#$%&'*+-/=?^_`{|}~@example.com"),
                arguments("customer/department=shipping@example.com", ASCII, "customer/department=shipping@example.com"),
                arguments("$A12345@example.com", ASCII, "$A12345@example.com"),
                arguments("!def!xyz%abc@example.com", ASCII, "!def!xyz%abc@example.com"),
                arguments("_somename@example.com", ASCII, "_somename@example.com"),
                arguments("\"Abc@def\"@example.com", ASCII, "\"Abc@def\"@example.com"),
                arguments("\"Fred\\ Bloggs\"@example.com", ASCII, "\"Fred Bloggs\"@example.com"),
                arguments("\"Joe.\\\\Blow\"@example.com", ASCII, "\"Joe.\\\\Blow\"@example.com"),
                // quoted strings: quoted only when needed in canonical form
                arguments("\"john doe\"@example.com", ASCII, "\"john doe\"@example.com"),
                arguments("\"a\\\"b\"@x.test", ASCII, "\"a\\\"b\"@x.test"),
                arguments("\"abc\"@example.com", ASCII, "abc@example.com"),
                arguments("\"\\a\\b\\c\"@example.com", ASCII, "abc@example.com"),
                arguments("\"a..b\"@example.com", ASCII, "\"a..b\"@example.com"),
                arguments("\".a\"@example.com", ASCII, "\".a\"@example.com"),
                arguments("\"\"@example.com", ASCII, "\"\"@example.com"),
                arguments("\"a>b\"@example.com", ASCII, "\"a>b\"@example.com"),
                // length limits: RFC 5321 §4.5.3.1.1 (local part 64), §4.5.3.1.3 (254 inside a path)
                arguments(LOCAL_64 + "@example.com", ASCII, LOCAL_64 + "@example.com"),
                arguments(LOCAL_64 + "@" + DOMAIN_189, ASCII, LOCAL_64 + "@" + DOMAIN_189),
                arguments("user@" + LABEL_63 + ".example", ASCII, "user@" + LABEL_63 + ".example"),
                // domains
                arguments("user@sub.domain-with-hyphen.example", ASCII, "user@sub.domain-with-hyphen.example"),
                arguments("user@123.example", ASCII, "user@123.example"),
                arguments("user@example.com4", ASCII, "user@example.com4"),
                arguments("user@ab--cd.example", ASCII, "user@ab--cd.example"),
                arguments("user@XN--FA-HIA.DE", ASCII, "user@xn--fa-hia.de"),
                // IDN (UTS #46 non-transitional), allowed only with SMTPUTF8
                arguments("user@faß.de", UTF8, "user@xn--fa-hia.de"),
                arguments("user@bücher.example", UTF8, "user@xn--bcher-kva.example"),
                arguments("user@BÜCHER.example", UTF8, "user@xn--bcher-kva.example"),
                arguments("用户@例子.广告", UTF8, "用户@xn--fsqu00a.xn--4rr70v"),
                arguments("jöran@example.com", UTF8, "jöran@example.com"),
                arguments("\"jö ran\"@example.com", UTF8, "\"jö ran\"@example.com"),
                arguments("δοκιμή@παράδειγμα.δοκιμή", UTF8, "δοκιμή@xn--hxajbheg2az3al.xn--jxalpdlp"),
                // RFC 5321 §4.1.3 address literals, canonical per RFC 5952
                arguments("user@[192.0.2.1]", ASCII, "user@[192.0.2.1]"),
                arguments("user@[255.255.255.255]", ASCII, "user@[255.255.255.255]"),
                arguments("user@[192.000.002.001]", ASCII, "user@[192.0.2.1]"),
                arguments("user@[IPv6:2001:db8::1]", ASCII, "user@[IPv6:2001:db8::1]"),
                arguments("user@[ipv6:2001:DB8:0:0:0:0:0:1]", ASCII, "user@[IPv6:2001:db8::1]"),
                arguments("user@[IPv6:::1]", ASCII, "user@[IPv6:::1]"),
                arguments("user@[IPv6:1::]", ASCII, "user@[IPv6:1::]"),
                arguments("user@[IPv6:2001:db8:0:0:1:0:0:1]", ASCII, "user@[IPv6:2001:db8::1:0:0:1]"),
                arguments("user@[IPv6:::ffff:192.0.2.1]", ASCII, "user@[IPv6:::ffff:192.0.2.1]"),
                arguments("user@[IPv6:2001:db8:0:0:0:0:192.0.2.1]", ASCII, "user@[IPv6:2001:db8::c000:201]"),
                arguments("user@[IPv6:2001:db8::192.0.2.1]", ASCII, "user@[IPv6:2001:db8::c000:201]"),
                arguments("user@[IPv6:1:2:3:4:5:6:7:8]", ASCII, "user@[IPv6:1:2:3:4:5:6:7:8]"),
                arguments("user@[IPv6:1:2:3:4:5:6::]", ASCII, "user@[IPv6:1:2:3:4:5:6::]"));
    }

    /** input, allowUtf8, fragment of the reason. */
    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("", ASCII, "empty"),
                arguments("user", ASCII, "missing @"),
                arguments("user@", ASCII, "missing domain"),
                arguments("@example.com", ASCII, "empty local part"),
                arguments(".user@example.com", ASCII, "dot"),
                arguments("user.@example.com", ASCII, "dot"),
                arguments("us..er@example.com", ASCII, "dot"),
                arguments("a".repeat(65) + "@example.com", ASCII, "64 octets"),
                arguments(LOCAL_64 + "@" + DOMAIN_189 + "x", ASCII, "254 octets"),
                arguments("user name@example.com", ASCII, "invalid character"),
                arguments("Abc.example.com", ASCII, "missing @"),
                arguments("A@b@c@example.com", ASCII, "invalid domain"),
                arguments("a\"b(c)d,e:f;g<h>i[j\\k]l@example.com", ASCII, "invalid character"),
                arguments("just\"not\"right@example.com", ASCII, "invalid character"),
                arguments("\"unterminated@example.com", ASCII, "unterminated"),
                arguments("\"a\"b@example.com", ASCII, "not followed by @"),
                arguments("\"a\"\"b\"@example.com", ASCII, "not followed by @"),
                arguments("\"a\\\u0001\"@x.test", ASCII, "quoted pair"),
                arguments("\"a\u0007\"@x.test", ASCII, "invalid character"),
                arguments("\"a\u007f\"@x.test", ASCII, "invalid character"),
                // CR/LF injection and NUL
                arguments("user@example.com\r\nRCPT TO:<x@y.test>", ASCII, "control"),
                arguments("user\r\n@example.com", ASCII, "invalid character"),
                arguments("\"user\r\n\"@example.com", ASCII, "invalid character"),
                arguments("user@exam\u0000ple.com", ASCII, "control"),
                // domains: RFC 5321 §4.1.2, RFC 1035 §2.3.4, RFC 3696 §2
                arguments("user@-example.com", ASCII, "hyphen"),
                arguments("user@example-.com", ASCII, "hyphen"),
                arguments("user@exa_mple.com", ASCII, "invalid domain"),
                arguments("user@example..com", ASCII, "empty domain label"),
                arguments("user@.example.com", ASCII, "empty domain label"),
                arguments("user@example.com.", ASCII, "ends with a dot"),
                arguments("user@exa mple.com", ASCII, "space"),
                arguments("user@" + LABEL_63 + "x.example", ASCII, "label too long"),
                arguments("user@192.0.2.1", ASCII, "all-numeric"),
                arguments("user@example.123", ASCII, "all-numeric"),
                // IDN errors
                arguments("user@xn--abc.example", ASCII, "IDNA"),
                arguments("user@xn--zz-.example", ASCII, "IDNA"),
                arguments("user@a\uFFFDb.example", UTF8, "IDNA"),
                arguments("user@exa\u200Dmple.com", UTF8, "IDNA"),
                arguments("user@\u0661\u0662.example", UTF8, "IDNA"),
                arguments("user@ab--cü.example", UTF8, "A-label"),
                // RFC 6531: no UTF-8 without SMTPUTF8, and only valid UTF-8 with it
                arguments("jöran@example.com", ASCII, "SMTPUTF8"),
                arguments("\"jö\"@example.com", ASCII, "SMTPUTF8"),
                arguments("user@bücher.example", ASCII, "SMTPUTF8"),
                arguments("user@faß.de", ASCII, "SMTPUTF8"),
                arguments("a\u0085b@example.com", UTF8, "invalid character"),
                arguments("\uD800@example.com", UTF8, "invalid character"),
                arguments("\"\\é\"@example.com", UTF8, "quoted pair"),
                // address literals
                arguments("user@[256.1.1.1]", ASCII, "above 255"),
                arguments("user@[1.2.3]", ASCII, "IPv4"),
                arguments("user@[1.2.3.4.5]", ASCII, "IPv4"),
                arguments("user@[1.2.3.1234]", ASCII, "IPv4"),
                arguments("user@[1.2.3.-1]", ASCII, "IPv4"),
                arguments("user@[192.0.2.1", ASCII, "malformed address literal"),
                arguments("user@[]", ASCII, "malformed"),
                arguments("user@[IPv6:1::2::3]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:::2]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:2:3:4:5:6:7]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:2:3:4:5:6:7:8:9]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:2:3:4:5:6:7::]", ASCII, "IPv6"),
                arguments("user@[IPv6:12345::1]", ASCII, "IPv6"),
                arguments("user@[IPv6:g::1]", ASCII, "IPv6"),
                arguments("user@[IPv6::1]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:2:3:4:5:6:7:192.0.2.1]", ASCII, "IPv6"),
                arguments("user@[IPv6:1:2:3:4:5::192.0.2.1]", ASCII, "IPv6"),
                arguments("user@[IPv6:::256.0.0.1]", ASCII, "above 255"),
                arguments("user@[IPv6:2001:db8::1", ASCII, "malformed address literal"),
                arguments("user@[x-tag:content]", ASCII, "unsupported"),
                arguments("user@[ 192.0.2.1]", ASCII, "IPv4"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void acceptsValidMailboxes(String input, boolean allowUtf8, String canonical) {
        MailAddress address = MailAddress.parse(input, allowUtf8);
        assertThat(address.toString()).isEqualTo(canonical);
        assertThat(address.original()).isEqualTo(input);
        // The canonical form is itself valid and stable.
        assertThat(MailAddress.parse(canonical, allowUtf8).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejectsInvalidMailboxes(String input, boolean allowUtf8, String reason) {
        assertThatThrownBy(() -> MailAddress.parse(input, allowUtf8))
                .isInstanceOf(AddressException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void tableIsLargeEnough() {
        assertThat(valid().count() + invalid().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> MailAddress.parse(null)).isInstanceOf(AddressException.class);
    }

    @Test
    void singleArgumentParseIsAsciiOnly() {
        assertThat(MailAddress.parse("user@example.com")).hasToString("user@example.com");
        assertThatThrownBy(() -> MailAddress.parse("jöran@example.com"))
                .isInstanceOf(AddressException.class).hasMessageContaining("SMTPUTF8");
    }

    @Test
    void quotedLocalPartIsUnquoted() {
        assertThat(MailAddress.parse("\"a\\\"b\"@x.test").localPart()).isEqualTo("a\"b");
        assertThat(MailAddress.parse("\"john doe\"@example.com").localPart()).isEqualTo("john doe");
        assertThat(MailAddress.parse("\"back\\\\slash\"@x.test").localPart()).isEqualTo("back\\slash");
    }

    @Test
    void domainOrLiteral() {
        MailAddress named = MailAddress.parse("user@bücher.example", true);
        assertThat(named.domain().ascii()).isEqualTo("xn--bcher-kva.example");
        assertThat(named.domain().unicode()).isEqualTo("bücher.example");
        assertThat(named.addressLiteral()).isNull();

        MailAddress literal = MailAddress.parse("user@[IPV6:2001:DB8::1]");
        assertThat(literal.domain()).isNull();
        assertThat(literal.addressLiteral()).isEqualTo("[IPv6:2001:db8::1]");
    }

    @Test
    void keyFoldsCaseOfLocalPartAndUsesALabels() {
        assertThat(MailAddress.parse("Alice@Example.COM").key()).isEqualTo("alice@example.com");
        assertThat(MailAddress.parse("\"Alice\"@example.com").key()).isEqualTo("alice@example.com");
        assertThat(MailAddress.parse("\"Alice Smith\"@example.com").key()).isEqualTo("\"alice smith\"@example.com");
        assertThat(MailAddress.parse("JÖRAN@BÜCHER.example", true).key()).isEqualTo("jöran@xn--bcher-kva.example");
        assertThat(MailAddress.parse("user@[IPv6:2001:DB8:0::1]").key()).isEqualTo("user@[IPv6:2001:db8::1]");
    }

    @Test
    void keyNormalisesUnicodeToNfc() {
        String decomposed = "jo\u0308ran@example.com";
        assertThat(MailAddress.parse(decomposed, true).key()).isEqualTo(MailAddress.parse("jöran@example.com", true).key());
    }

    @Test
    void equalityKeepsLocalPartCase() {
        // RFC 5321 §2.4: only the receiving host may decide that local parts are case-insensitive.
        assertThat(MailAddress.parse("Alice@example.com")).isNotEqualTo(MailAddress.parse("alice@example.com"));
        assertThat(MailAddress.parse("alice@EXAMPLE.com")).isEqualTo(MailAddress.parse("alice@example.com"))
                .hasSameHashCodeAs(MailAddress.parse("alice@example.com"));
        assertThat(MailAddress.parse("\"alice\"@example.com")).isEqualTo(MailAddress.parse("alice@example.com"));
        assertThat(MailAddress.parse("u@bücher.example", true)).isEqualTo(MailAddress.parse("u@xn--bcher-kva.example"));
    }

    @Test
    void postmasterIsCaseInsensitiveAndAsciiOnly() {
        assertThat(MailAddress.parse("PostMaster@example.com").isPostmaster()).isTrue();
        assertThat(MailAddress.parse("\"postmaster\"@example.com").isPostmaster()).isTrue();
        assertThat(MailAddress.parse("postmaster2@example.com").isPostmaster()).isFalse();
        assertThat(MailAddress.parse("postmaſter@example.com", true).isPostmaster()).isFalse();
    }

    @Test
    void lengthLimitAlsoAppliesToTheALabelForm() {
        // Each "üaaa…" label is 2 octets longer as an A-label ("xn--" + "-" + delta code - 1 UTF-8 octet).
        String label = "ü" + "a".repeat(40);
        String mailbox = LOCAL_64 + "@" + String.join(".", label, label, label, label) + ".com";
        assertThat(mailbox.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(254);
        assertThatThrownBy(() -> MailAddress.parse(mailbox, true))
                .isInstanceOf(AddressException.class).hasMessageContaining("254 octets");
    }
}
