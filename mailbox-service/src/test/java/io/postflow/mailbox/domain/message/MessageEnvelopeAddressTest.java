package io.postflow.mailbox.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address lists into ENVELOPE entries, names and addresses kept as written (RFC 5322 §3.4, §4.4). */
class MessageEnvelopeAddressTest {

    private static EnvelopeAddress.Mailbox mailbox(String name, String route, String local, String host) {
        return new EnvelopeAddress.Mailbox(name, route, local, host);
    }

    @Test
    void phraseWordsAreJoinedBySingleSpacesAndQuotingIsUndone() {
        assertThat(EnvelopeAddressParser.parse("  John   Q.  \"Public, Esq\"  <jqp@example.com>"))
                .containsExactly(mailbox("John Q. Public, Esq", null, "jqp", "example.com"));
    }

    @Test
    void commentsBetweenTokensAreDropped() {
        assertThat(EnvelopeAddressParser.parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"))
                .containsExactly(mailbox("Pete", null, "pete", "silly.test"));
    }

    @Test
    void trailingCommentNamesANamelessAddress() {
        assertThat(EnvelopeAddressParser.parse("user@example.com (Real (nested) Name)"))
                .containsExactly(mailbox("Real (nested) Name", null, "user", "example.com"));
    }

    @Test
    void domainLiteralAndObsoleteRouteAreKept() {
        assertThat(EnvelopeAddressParser.parse("<@a.example,@b.example:joe@[192.0.2.1]>"))
                .containsExactly(mailbox(null, "@a.example,@b.example", "joe", "[192.0.2.1]"));
    }

    @Test
    void unclosedGroupIsClosedAtTheEnd() {
        assertThat(EnvelopeAddressParser.parse("list: a@example.com"))
                .containsExactly(new EnvelopeAddress.GroupStart("list"), mailbox(null, null, "a", "example.com"),
                        new EnvelopeAddress.GroupEnd());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "john                 | john            | MISSING_DOMAIN",
            "<>                   | MISSING_MAILBOX | MISSING_DOMAIN",
            "@example.com         | MISSING_MAILBOX | example.com",
            "<john@>              | john            | MISSING_DOMAIN",
            "j\u00f6rg@b\u00fccher.example | j\u00f6rg | b\u00fccher.example"})
    void missingPartsUseDovecotsPlaceholders(String value, String local, String host) {
        assertThat(EnvelopeAddressParser.parse(value)).containsExactly(mailbox(null, null, local, host));
    }

    @Test
    void straySpecialsAreSkipped() {
        List<EnvelopeAddress> addresses = EnvelopeAddressParser.parse(">, a@example.com, ;, \"unterminated <x@y>");

        assertThat(addresses).containsExactly(mailbox(null, null, "a", "example.com"),
                mailbox(null, null, "unterminated <x@y>", "MISSING_DOMAIN"));
    }

    @Test
    void quotedLocalPartHasItsQuotingRemoved() {
        // RFC 3501 §9: addr-mailbox "holds [RFC-2822] local-part after removing [RFC-2822] quoting".
        assertThat(EnvelopeAddressParser.parse("\"john doe\"@example.com, <\"a\\\"b\".c@example.com>"))
                .containsExactly(mailbox(null, null, "john doe", "example.com"),
                        mailbox(null, null, "a\"b.c", "example.com"));
    }

    @Test
    void emptyValueHasNoAddress() {
        assertThat(EnvelopeAddressParser.parse(" (only a comment) ")).isEmpty();
    }
}
