package io.postflow.common.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailPathTest {

    @Test
    void nullReversePath() {
        ReversePath path = MailPath.parseReversePath("<>", false);
        assertThat(path).isSameAs(ReversePath.NULL);
        assertThat(path.isNull()).isTrue();
        assertThat(path.path()).isEqualTo("<>");
        assertThat(path.envelopeAddress()).isEmpty();
    }

    @Test
    void mailboxReversePath() {
        ReversePath path = MailPath.parseReversePath("<Sender@Example.COM>", false);
        assertThat(path).isInstanceOf(ReversePath.Mailbox.class);
        assertThat(path.isNull()).isFalse();
        assertThat(((ReversePath.Mailbox) path).address().localPart()).isEqualTo("Sender");
        assertThat(path.path()).isEqualTo("<Sender@example.com>");
        assertThat(path.envelopeAddress()).isEqualTo("Sender@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Postmaster>", "<postmaster>", "<POSTMASTER>", "<pOsTmAsTeR>"})
    void barePostmasterForwardPath(String text) {
        // RFC 5321 §4.1.1.3: every server must accept <Postmaster> without a domain.
        ForwardPath path = MailPath.parseForwardPath(text, false);
        assertThat(path).isSameAs(ForwardPath.POSTMASTER);
        assertThat(path.path()).isEqualTo("<Postmaster>");
        assertThat(path.toAddress(Domain.parse("mx.example")).toString()).isEqualTo("postmaster@mx.example");
    }

    @Test
    void mailboxForwardPath() {
        ForwardPath path = MailPath.parseForwardPath("<rcpt@example.com>", false);
        assertThat(path).isEqualTo(new ForwardPath.Mailbox(MailAddress.parse("rcpt@example.com")));
        assertThat(path.path()).isEqualTo("<rcpt@example.com>");
        assertThat(path.toAddress(Domain.parse("mx.example"))).hasToString("rcpt@example.com");
        assertThat(MailPath.parseForwardPath("<postmaster@example.com>", false))
                .isInstanceOf(ForwardPath.Mailbox.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<@a.example,@b.example:user@c.example> | user@c.example",
            "<@a.example:user@c.example>            | user@c.example",
            "<\"john doe\"@example.com>             | \"john doe\"@example.com",
            "<\"a>b\"@example.com>                  | \"a>b\"@example.com",
            "<\"a:b\"@example.com>                  | \"a:b\"@example.com",
            "<user@[IPv6:2001:db8::1]>              | user@[IPv6:2001:db8::1]",
    })
    void acceptsPaths(String text, String address) {
        ForwardPath forward = MailPath.parseForwardPath(text, false);
        assertThat(forward).isInstanceOf(ForwardPath.Mailbox.class);
        assertThat(((ForwardPath.Mailbox) forward).address()).isEqualTo(MailAddress.parse(address));
        assertThat(MailPath.parseReversePath(text, false).envelopeAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "user@example.com", "<user@example.com", "user@example.com>", "<user@example.com> ", " <user@example.com>",
            "<user@example.com>x", "< user@example.com>", "<user@example.com >", "<user @example.com>",
            "<user@example.com\r\n>", "<user@example.com>\r\nRSET", "<user\u0000@example.com>", "<user@exa\nmple.com>",
            "<@a.example,b.example:user@c.example>", "<@:user@c.example>", "<@a.example>", "<@a_b.example:user@c.example>",
            "<@a.example,:user@c.example>", "<>x", "<<>>", "<", ">", "", "<user>", "<postmaster@>",
            "<jöran@example.com>", "<user@bücher.example>", "<@bücher.example:user@example.com>"
    })
    void rejectsMalformedPaths(String text) {
        assertThatThrownBy(() -> MailPath.parseForwardPath(text, false)).isInstanceOf(AddressException.class);
        assertThatThrownBy(() -> MailPath.parseReversePath(text, false)).isInstanceOf(AddressException.class);
    }

    @Test
    void nullPathOnlyForReversePath() {
        assertThatThrownBy(() -> MailPath.parseForwardPath("<>", false)).isInstanceOf(AddressException.class);
    }

    @Test
    void postmasterWithoutDomainOnlyForForwardPath() {
        assertThatThrownBy(() -> MailPath.parseReversePath("<Postmaster>", false)).isInstanceOf(AddressException.class);
    }

    @Test
    void crlfIsNamedInTheReason() {
        assertThatThrownBy(() -> MailPath.parseForwardPath("<a@b.example>\r\nDATA", false))
                .hasMessageContaining("CR, LF or NUL");
    }

    @Test
    void utf8PathsNeedSmtpUtf8() {
        assertThat(MailPath.parseForwardPath("<jöran@bücher.example>", true).path()).isEqualTo("<jöran@xn--bcher-kva.example>");
        assertThat(MailPath.parseReversePath("<@bücher.example:jöran@example.com>", true).envelopeAddress())
                .isEqualTo("jöran@example.com");
        assertThatThrownBy(() -> MailPath.parseReversePath("<jöran@example.com>", false))
                .isInstanceOf(AddressException.class).hasMessageContaining("SMTPUTF8");
    }

    @Test
    void pathLimitIs256Octets() {
        String mailbox = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(MailPath.parseForwardPath("<" + mailbox + ">", false).path()).hasSize(256);
        String route = "<@" + "r".repeat(10) + ".example:" + mailbox + ">";
        assertThatThrownBy(() -> MailPath.parseForwardPath(route, false)).hasMessageContaining("256 octets");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<a@b.example> SIZE=10                | 0 | 13",
            "<> BODY=8BITMIME                     | 0 | 2",
            "<\"a> b\"@x.test> SIZE=1             | 0 | 15",
            "<\"a\\\"> b\"@x.test>                | 0 | 17",
            "FROM:<a@b.example>                   | 5 | 18",
            "<a@b.example                         | 0 | -1",
            "a@b.example>                         | 0 | -1",
            "<\"a>b@x.test                        | 0 | -1",
    })
    void findsTheEndOfAPath(String line, int start, int end) {
        assertThat(MailPath.endOfPath(line, start)).isEqualTo(end);
    }
}
