package io.postflow.mailbox.domain.message;

import static io.postflow.mailbox.domain.message.AnalysisAssertions.assertConsistent;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.crlf;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.parts;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** Exact ENVELOPE, BODYSTRUCTURE, BODY and part offsets for well-formed messages. */
class MessageAnalyzerTest {

    private final MessageAnalyzer analyzer = new MessageAnalyzer();

    private MessageAnalysis analyze(byte[] raw) {
        MessageAnalysis analysis = analyzer.analyze(raw);
        assertConsistent(raw, analysis);
        return analysis;
    }

    @Test
    void simpleTextPlainGivesTheRfc3501Envelope() {
        String header = String.join("\r\n",
                "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
                "From: Terry Gray <gray@cac.washington.edu>",
                "Subject: IMAP4rev1 WG mtg summary and minutes",
                "To: imap@cac.washington.edu",
                "cc: minutes@CNRI.Reston.VA.US,",
                " John Klensin <KLENSIN@MIT.EDU>",
                "Message-Id: <B27397-0100000@cac.washington.edu>",
                "MIME-Version: 1.0",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII",
                "", "");
        byte[] raw = crlf(header + "Hello,", "world", "");

        MessageAnalysis analysis = analyze(raw);

        // RFC 3501 §7.4.2, FETCH response example, character for character.
        assertThat(analysis.envelope()).isEqualTo("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
                + "\"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")");
        assertThat(analysis.bodyStructure())
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 15 2 NIL NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 15 2)");
        assertThat(analysis.headerSize()).isEqualTo(header.length());
        assertThat(analysis.bodyLines()).isEqualTo(2);
        assertThat(section(raw, analysis, "HEADER")).isEqualTo(header);
        assertThat(section(raw, analysis, "TEXT")).isEqualTo("Hello,\r\nworld\r\n");
        // RFC 3501 §6.4.5: a non-multipart message has a part 1, its body; its MIME header is the header.
        assertThat(section(raw, analysis, "1")).isEqualTo("Hello,\r\nworld\r\n");
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo(header);
        assertThat(parts(analysis)).containsOnlyKeys("", "1");

        assertThat(analysis.sentDate()).isEqualTo(OffsetDateTime.parse("1996-07-17T02:23:25-07:00"));
        assertThat(analysis.subject()).isEqualTo("IMAP4rev1 WG mtg summary and minutes");
        assertThat(analysis.fromText()).isEqualTo("Terry Gray <gray@cac.washington.edu>");
        assertThat(analysis.toText()).isEqualTo("imap@cac.washington.edu");
        assertThat(analysis.ccText()).isEqualTo("minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>");
        assertThat(analysis.bccText()).isNull();
        assertThat(analysis.messageId()).isEqualTo("<B27397-0100000@cac.washington.edu>");
        assertThat(analysis.headerText()).isEqualTo(String.join("\r\n",
                "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
                "From: Terry Gray <gray@cac.washington.edu>",
                "Subject: IMAP4rev1 WG mtg summary and minutes",
                "To: imap@cac.washington.edu",
                "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>",
                "Message-Id: <B27397-0100000@cac.washington.edu>",
                "MIME-Version: 1.0",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII"));
        assertThat(analysis.bodyText()).isEqualTo("Hello,\r\nworld\r\n");
    }

    @Test
    void noContentTypeIsTextPlainUsAscii() {
        byte[] raw = crlf("From: a@example.com", "Subject: plain", "", "body", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.envelope()).isEqualTo("(NIL \"plain\" ((NIL NIL \"a\" \"example.com\")) "
                + "((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) NIL NIL NIL NIL NIL)");
        // RFC 2045 §5.2: no Content-Type means text/plain; charset=us-ascii.
        assertThat(analysis.bodyStructure())
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 6 1 NIL NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 6 1)");
        assertThat(analysis.sentDate()).isNull();
        assertThat(section(raw, analysis, "1")).isEqualTo("body\r\n");
    }

    @Test
    void multipartAlternative() {
        byte[] raw = crlf(
                "From: a@example.com",
                "Content-Type: multipart/alternative; boundary=\"alt\"",
                "",
                "--alt",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "plain text",
                "--alt",
                "Content-Type: text/html; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<p>html =C3=A9t=C3=A9</p>",
                "--alt--",
                "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyStructure()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 0 NIL NIL NIL NIL)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 25 0 NIL NIL NIL NIL)"
                        + " \"ALTERNATIVE\" (\"BOUNDARY\" \"alt\") NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 0)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 25 0) \"ALTERNATIVE\")");
        assertThat(parts(analysis)).containsOnlyKeys("", "1", "2");
        assertThat(section(raw, analysis, "1")).isEqualTo("plain text");
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        assertThat(section(raw, analysis, "2")).isEqualTo("<p>html =C3=A9t=C3=A9</p>");
        assertThat(section(raw, analysis, "2.MIME")).isEqualTo(
                "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        assertThat(section(raw, analysis, "TEXT")).startsWith("--alt\r\n").endsWith("--alt--\r\n");
        assertThat(analysis.bodyLines()).isEqualTo(10);
        assertThat(analysis.bodyText()).isEqualTo("plain text\n<p>html été</p>");
    }

    @Test
    void multipartMixedWithBase64AttachmentAndDispositionParameters() {
        byte[] raw = crlf(
                "From: \"Doe, John\" <john@example.com>",
                "To: jane@example.com",
                "Subject: report",
                "Content-Type: multipart/mixed;",
                " boundary=\"==b1==\"",
                "",
                "This is a multi-part message in MIME format.",
                "--==b1==",
                "Content-Type: text/plain; charset=us-ascii; format=flowed",
                "",
                "See attached.",
                "",
                "--==b1==",
                "Content-Type: application/pdf; name=\"report 2024.pdf\"",
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename=\"report 2024.pdf\";",
                " size=12; filename*=utf-8''r%C3%A9port.pdf",
                "Content-ID: <part2@example.com>",
                "Content-Description: Quarterly report",
                "Content-Language: en, de",
                "Content-Location: report.pdf",
                "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==",
                "",
                "JVBERi0xLjQK",
                "JSVFT0YK",
                "--==b1==--",
                "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.envelope()).isEqualTo("(NIL \"report\" ((\"Doe, John\" NIL \"john\" \"example.com\")) "
                + "((\"Doe, John\" NIL \"john\" \"example.com\")) ((\"Doe, John\" NIL \"john\" \"example.com\")) "
                + "((NIL NIL \"jane\" \"example.com\")) NIL NIL NIL NIL)");
        assertThat(analysis.bodyStructure()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\" \"FORMAT\" \"flowed\") NIL NIL \"7BIT\" 15 1 NIL NIL NIL NIL)"
                        + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"report 2024.pdf\") \"<part2@example.com>\" "
                        + "\"Quarterly report\" \"BASE64\" 22 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" "
                        + "(\"ATTACHMENT\" (\"FILENAME\" \"report 2024.pdf\" \"SIZE\" \"12\" "
                        + "\"FILENAME*\" \"utf-8''r%C3%A9port.pdf\")) (\"en\" \"de\") \"report.pdf\")"
                        + " \"MIXED\" (\"BOUNDARY\" \"==b1==\") NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\" \"FORMAT\" \"flowed\") NIL NIL \"7BIT\" 15 1)"
                        + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"report 2024.pdf\") \"<part2@example.com>\" "
                        + "\"Quarterly report\" \"BASE64\" 22) \"MIXED\")");
        assertThat(section(raw, analysis, "1")).isEqualTo("See attached.\r\n");
        assertThat(section(raw, analysis, "2")).isEqualTo("JVBERi0xLjQK\r\nJSVFT0YK");
        assertThat(section(raw, analysis, "2.MIME")).startsWith("Content-Type: application/pdf;")
                .endsWith("Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n\r\n");
        // The attachment is skipped for SEARCH BODY.
        assertThat(analysis.bodyText()).isEqualTo("See attached.\r\n");
        assertThat(analysis.fromText()).isEqualTo("Doe, John <john@example.com>");
    }

    @Test
    void nestedMultipart() {
        byte[] raw = crlf(
                "Content-Type: multipart/mixed; boundary=outer",
                "",
                "--outer",
                "Content-Type: multipart/alternative; boundary=inner",
                "",
                "--inner",
                "Content-Type: text/plain",
                "",
                "one",
                "--inner",
                "Content-Type: text/html",
                "",
                "<b>two</b>",
                "--inner--",
                "",
                "--outer",
                "Content-Type: image/png",
                "Content-Disposition: inline",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgo=",
                "--outer--",
                "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyStructure()).isEqualTo(
                "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 0 NIL NIL NIL NIL)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 0 NIL NIL NIL NIL)"
                        + " \"ALTERNATIVE\" (\"BOUNDARY\" \"inner\") NIL NIL NIL)"
                        + "(\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 12 NIL (\"INLINE\" NIL) NIL NIL)"
                        + " \"MIXED\" (\"BOUNDARY\" \"outer\") NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo(
                "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 0)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 0) \"ALTERNATIVE\")"
                        + "(\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 12) \"MIXED\")");
        assertThat(parts(analysis)).containsOnlyKeys("", "1", "1.1", "1.2", "2");
        // BODY[1] of a multipart part is its whole body: preamble, delimiters and epilogue included.
        assertThat(section(raw, analysis, "1")).isEqualTo(String.join("\r\n",
                "--inner", "Content-Type: text/plain", "", "one", "--inner", "Content-Type: text/html", "",
                "<b>two</b>", "--inner--", ""));
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo("Content-Type: multipart/alternative; boundary=inner\r\n\r\n");
        assertThat(section(raw, analysis, "1.1")).isEqualTo("one");
        assertThat(section(raw, analysis, "1.2")).isEqualTo("<b>two</b>");
        assertThat(section(raw, analysis, "1.2.MIME")).isEqualTo("Content-Type: text/html\r\n\r\n");
        assertThat(section(raw, analysis, "2")).isEqualTo("iVBORw0KGgo=");
        assertThat(analysis.bodyText()).isEqualTo("one\n<b>two</b>");
    }

    @Test
    void attachedMessageRfc822HasItsPartsNumberedBeneathIt() {
        String inner = String.join("\r\n",
                "Date: Mon, 1 Jan 2024 10:00:00 +0000",
                "From: Orig <orig@example.org>",
                "Subject: hello",
                "Message-ID: <orig@example.org>",
                "Content-Type: multipart/alternative; boundary=\"n\"",
                "",
                "--n",
                "Content-Type: text/plain",
                "",
                "hi",
                "--n",
                "Content-Type: text/html",
                "",
                "<i>hi</i>",
                "--n--");
        byte[] raw = crlf(
                "From: fwd@example.com",
                "Subject: Fwd: hello",
                "Content-Type: multipart/mixed; boundary=\"m\"",
                "",
                "--m",
                "Content-Type: text/plain",
                "",
                "see below",
                "--m",
                "Content-Type: message/rfc822",
                "Content-Disposition: attachment; filename=\"hello.eml\"",
                "",
                inner,
                "--m--",
                "");

        MessageAnalysis analysis = analyze(raw);

        String innerEnvelope = "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"hello\" ((\"Orig\" NIL \"orig\" \"example.org\")) "
                + "((\"Orig\" NIL \"orig\" \"example.org\")) ((\"Orig\" NIL \"orig\" \"example.org\")) "
                + "NIL NIL NIL NIL \"<orig@example.org>\")";
        // 255 octets and 14 line breaks: the inner message up to "--n--", whose CRLF is the delimiter's.
        assertThat(inner).hasSize(255);
        assertThat(analysis.bodyStructure()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 9 0 NIL NIL NIL NIL)"
                        + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 255 " + innerEnvelope
                        + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2 0 NIL NIL NIL NIL)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 9 0 NIL NIL NIL NIL)"
                        + " \"ALTERNATIVE\" (\"BOUNDARY\" \"n\") NIL NIL NIL) 14"
                        + " NIL (\"ATTACHMENT\" (\"FILENAME\" \"hello.eml\")) NIL NIL)"
                        + " \"MIXED\" (\"BOUNDARY\" \"m\") NIL NIL NIL)");
        assertThat(analysis.bodyBasic()).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 9 0)"
                        + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 255 " + innerEnvelope
                        + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2 0)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 9 0) \"ALTERNATIVE\") 14)"
                        + " \"MIXED\")");
        assertThat(parts(analysis)).containsOnlyKeys("", "1", "2", "2.1", "2.2");
        assertThat(section(raw, analysis, "2")).isEqualTo(inner);
        assertThat(section(raw, analysis, "2.HEADER")).isEqualTo(inner.substring(0, inner.indexOf("\r\n\r\n") + 4));
        assertThat(section(raw, analysis, "2.TEXT")).isEqualTo(inner.substring(inner.indexOf("\r\n\r\n") + 4));
        assertThat(section(raw, analysis, "2.1")).isEqualTo("hi");
        assertThat(section(raw, analysis, "2.1.MIME")).isEqualTo("Content-Type: text/plain\r\n\r\n");
        assertThat(section(raw, analysis, "2.2")).isEqualTo("<i>hi</i>");
        assertThat(analysis.bodyText()).isEqualTo("see below");
    }

    @Test
    void inlineSinglePartMessageRfc822HasPartOneAsItsBody() {
        byte[] raw = crlf(
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "",
                "inner body",
                "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyStructure()).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 30 "
                + "(NIL \"inner\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 12 1 NIL NIL NIL NIL) 3"
                + " NIL NIL NIL NIL)");
        assertThat(parts(analysis)).containsOnlyKeys("", "1", "1.1");
        assertThat(section(raw, analysis, "1.HEADER")).isEqualTo("Subject: inner\r\n\r\n");
        assertThat(section(raw, analysis, "1.TEXT")).isEqualTo("inner body\r\n");
        assertThat(section(raw, analysis, "1.1")).isEqualTo("inner body\r\n");
        assertThat(section(raw, analysis, "1.1.MIME")).isEqualTo("Subject: inner\r\n\r\n");
        assertThat(analysis.bodyText()).isEqualTo("inner body\r\n");
    }

    @Test
    void encodedWordsStayEncodedInTheEnvelopeAndAreDecodedForSearch() {
        byte[] raw = crlf(
                "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.com>",
                "Subject: =?UTF-8?B?SGVsbG8gV8O2cmxk?=",
                "",
                "x");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.envelope()).isEqualTo("(NIL \"=?UTF-8?B?SGVsbG8gV8O2cmxk?=\" "
                + "((\"=?ISO-8859-1?Q?Andr=E9?=\" NIL \"andre\" \"example.com\")) "
                + "((\"=?ISO-8859-1?Q?Andr=E9?=\" NIL \"andre\" \"example.com\")) "
                + "((\"=?ISO-8859-1?Q?Andr=E9?=\" NIL \"andre\" \"example.com\")) NIL NIL NIL NIL NIL)");
        assertThat(analysis.subject()).isEqualTo("Hello Wörld");
        assertThat(analysis.fromText()).isEqualTo("André <andre@example.com>");
        assertThat(analysis.headerText()).isEqualTo("From: André <andre@example.com>\r\nSubject: Hello Wörld");
    }

    @Test
    void groupSyntax() {
        byte[] raw = crlf(
                "From: a@example.com",
                "To: undisclosed-recipients:;",
                "Cc: team: ann@example.com, \"Bob B.\" <bob@example.com>;, carol@example.com",
                "",
                "");

        MessageAnalysis analysis = analyze(raw);

        // RFC 3501 §7.4.2: group start (NIL NIL "name" NIL), group end (NIL NIL NIL NIL).
        assertThat(analysis.envelope()).isEqualTo("(NIL NIL ((NIL NIL \"a\" \"example.com\")) "
                + "((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) "
                + "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
                + "((NIL NIL \"team\" NIL)(NIL NIL \"ann\" \"example.com\")(\"Bob B.\" NIL \"bob\" \"example.com\")"
                + "(NIL NIL NIL NIL)(NIL NIL \"carol\" \"example.com\")) NIL NIL NIL)");
        assertThat(analysis.ccText()).isEqualTo("team: ann@example.com, Bob B. <bob@example.com>;, carol@example.com");
    }

    @Test
    void missingFromLeavesFromSenderAndReplyToNil() {
        byte[] raw = crlf("To: a@example.com", "Subject: no sender", "", "x");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.envelope())
                .isEqualTo("(NIL \"no sender\" NIL NIL NIL ((NIL NIL \"a\" \"example.com\")) NIL NIL NIL NIL)");
        assertThat(analysis.fromText()).isNull();
    }

    @Test
    void emptySenderAndReplyToTakeFrom() {
        byte[] raw = crlf("From: f@example.com", "Sender:", "Reply-To: r@example.com", "", "x");

        assertThat(analyze(raw).envelope()).isEqualTo("(NIL NIL ((NIL NIL \"f\" \"example.com\")) "
                + "((NIL NIL \"f\" \"example.com\")) ((NIL NIL \"r\" \"example.com\")) NIL NIL NIL NIL NIL)");
    }

    @Test
    void quotedNamesWithSpecialsAndBackslashesAreUnquotedThenRequoted() {
        // RFC 3501 §9: addr-name and addr-mailbox hold the phrase and local part "after removing quoting".
        byte[] raw = crlf(
                "From: \"Smith, John \\\"JJ\\\" (Jr.)\" <jj@example.com>",
                "To: \"C:\\\\Users\\\\x\" <x@example.com>, \"<odd@name>\" <odd@example.com>,",
                " \"john doe\"@example.com, user@example.com (Real Name), <@relay.example:route@example.com>",
                "",
                "");

        MessageAnalysis analysis = analyze(raw);

        String from = "((\"Smith, John \\\"JJ\\\" (Jr.)\" NIL \"jj\" \"example.com\"))";
        assertThat(analysis.envelope()).isEqualTo("(NIL NIL " + from + " " + from + " " + from + " "
                + "((\"C:\\\\Users\\\\x\" NIL \"x\" \"example.com\")(\"<odd@name>\" NIL \"odd\" \"example.com\")"
                + "(NIL NIL \"john doe\" \"example.com\")(\"Real Name\" NIL \"user\" \"example.com\")"
                + "(NIL \"@relay.example\" \"route\" \"example.com\")) NIL NIL NIL NIL)");
    }

    @Test
    void eightBitUtf8HeadersGoAsLiterals() {
        byte[] raw = crlf("From: Jörg Müller <joerg@example.de>", "Subject: Grüße aus Köln", "", "x");

        MessageAnalysis analysis = analyze(raw);

        // RFC 3501 §4.3: a quoted string cannot carry 8-bit text; the literal counts UTF-8 octets.
        String from = "(({13}\r\nJörg Müller NIL \"joerg\" \"example.de\"))";
        assertThat(analysis.envelope()).isEqualTo(
                "(NIL {17}\r\nGrüße aus Köln " + from + " " + from + " " + from + " NIL NIL NIL NIL NIL)");
        assertThat(analysis.subject()).isEqualTo("Grüße aus Köln");
        assertThat(analysis.fromText()).isEqualTo("Jörg Müller <joerg@example.de>");
    }

    @Test
    void reproducesTheRfc3501BodyExample() {
        // RFC 3501 §7.4.2: BODY of a multipart/mixed with a 1152-octet, 23-line text part and a
        // 4554-octet, 73-line base64 part.
        byte[] raw = crlf(
                "Content-Type: MULTIPART/MIXED; BOUNDARY=rfc3501",
                "",
                "--rfc3501",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII",
                "",
                lines(23, 1152) + "--rfc3501",
                "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=cc.diff",
                "Content-ID: <960723163407.20117h@cac.washington.edu>",
                "Content-Description: Compiler diff",
                "Content-Transfer-Encoding: BASE64",
                "",
                lines(73, 4554) + "--rfc3501--",
                "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyBasic()).isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 "
                + "23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")");
    }

    @Test
    void multipartDigestPartsDefaultToMessageRfc822() {
        byte[] raw = crlf(
                "Content-Type: multipart/digest; boundary=d",
                "",
                "--d",
                "",
                "Subject: first",
                "",
                "one",
                "--d--");

        MessageAnalysis analysis = analyze(raw);

        // RFC 2046 §5.1.5: a digest part without Content-Type is message/rfc822.
        assertThat(analysis.bodyBasic()).isEqualTo("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 21 "
                + "(NIL \"first\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 0) 2) \"DIGEST\")");
        assertThat(section(raw, analysis, "1.1")).isEqualTo("one");
    }

    /** Text of exactly that many CRLF-terminated lines and octets, followed by the delimiter's CRLF. */
    private static String lines(int count, int octets) {
        StringBuilder text = new StringBuilder();
        int contentLeft = octets - 2 * count;
        for (int i = 0; i < count; i++) {
            int length = i == count - 1 ? contentLeft : (octets - 2 * count) / count / 4 * 4;
            text.append("A".repeat(length)).append("\r\n");
            contentLeft -= length;
        }
        return text.append("\r\n").toString();
    }
}
