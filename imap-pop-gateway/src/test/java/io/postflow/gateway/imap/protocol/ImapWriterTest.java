package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapWriterTest {

    private static String text(ImapWriter w) {
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreQuotedOrLiteralsAsNeeded() {
        assertThat(text(new ImapWriter().string("a \"b\" \\c"))).isEqualTo("\"a \\\"b\\\" \\\\c\"");
        assertThat(text(new ImapWriter().string("two\r\nlines"))).isEqualTo("{10}\r\ntwo\r\nlines");
        assertThat(text(new ImapWriter().string("é"))).isEqualTo("{2}\r\né");
        assertThat(text(new ImapWriter().nstring(null))).isEqualTo("NIL");
    }

    @Test
    void mailboxesAreAtomsWhenPossible() {
        assertThat(text(new ImapWriter().mailbox("INBOX"))).isEqualTo("INBOX");
        assertThat(text(new ImapWriter().mailbox("My Box"))).isEqualTo("\"My Box\"");
        assertThat(text(new ImapWriter().mailbox("Entwürfe"))).isEqualTo("Entw&APw-rfe");
        assertThat(text(new ImapWriter().mailbox("NIL"))).isEqualTo("\"NIL\"");
        assertThat(text(new ImapWriter().list(List.of("\\Seen", "$Work")))).isEqualTo("(\\Seen $Work)");
    }

    @Test
    void dates() {
        assertThat(ImapDates.format(OffsetDateTime.parse("1994-02-07T21:52:25-08:00"))).isEqualTo("07-Feb-1994 21:52:25 -0800");
        assertThat(ImapDates.parseDateTime(" 7-FEB-1994 21:52:25 -0800").toString()).isEqualTo("1994-02-07T21:52:25-08:00");
        assertThat(ImapDates.parseDate("1-feb-1994").toString()).isEqualTo("1994-02-01");
    }

    @Test
    void headerFieldsFilterKeepsFoldedLinesAndEndsWithBlankLine() {
        byte[] header = "From: a@b\r\nSubject: one\r\n two\r\nTo: c@d\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(HeaderFilter.filter(header, List.of("subject"), false), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: one\r\n two\r\n\r\n");
        assertThat(new String(HeaderFilter.filter(header, List.of("SUBJECT"), true), StandardCharsets.US_ASCII))
                .isEqualTo("From: a@b\r\nTo: c@d\r\n\r\n");
    }

    @Test
    void patterns() {
        MailboxPattern all = MailboxPattern.of("", "*");
        assertThat(all.matches("a/b/c")).isTrue();
        MailboxPattern top = MailboxPattern.of("", "%");
        assertThat(top.matches("a")).isTrue();
        assertThat(top.matches("a/b")).isFalse();
        assertThat(MailboxPattern.of("Archive", "%").matches("Archive/2024")).isTrue();
        assertThat(MailboxPattern.of("", "inbox").matches("INBOX")).isTrue();
        assertThat(MailboxPattern.of("", "a.b").matches("axb")).isFalse();
    }
}
