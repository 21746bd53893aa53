package io.postflow.mailbox.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoted strings and literals (RFC 3501 §4.3, §9). */
class MessageImapStringTest {

    @Test
    void plainTextIsQuotedWithQuoteAndBackslashEscaped() {
        assertThat(new ImapStringWriter().string("a \"b\" \\c\t").toString()).isEqualTo("\"a \\\"b\\\" \\\\c\t\"");
    }

    @Test
    void eightBitTextIsALiteralCountingUtf8Octets() {
        assertThat(new ImapStringWriter().string("Köln €").toString()).isEqualTo("{9}\r\nKöln €");
    }

    @Test
    void lineBreaksForceALiteral() {
        assertThat(new ImapStringWriter().string("a\r\nb").toString()).isEqualTo("{4}\r\na\r\nb");
    }

    @Test
    void nstringAndListPieces() {
        String written = new ImapStringWriter().open().nstring(null).space().nstring("").space().number(42).close()
                .toString();

        assertThat(written).isEqualTo("(NIL \"\" 42)");
    }
}
