package io.postflow.mailbox.domain.message;

import static io.postflow.mailbox.domain.message.AnalysisAssertions.assertConsistent;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.crlf;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.parts;
import static io.postflow.mailbox.domain.message.AnalysisAssertions.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Malformed MIME never makes analyze() throw. The structure degrades to something IMAP can serve, with
 * offsets always within the message and BODYSTRUCTURE sizes matching the part table.
 */
class MessageAnalyzerMalformedTest {

    private static final String TEXT_PLAIN = "\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" ";

    private final MessageAnalyzer analyzer = new MessageAnalyzer();

    private MessageAnalysis analyze(byte[] raw) {
        MessageAnalysis analysis = analyzer.analyze(raw);
        assertConsistent(raw, analysis);
        return analysis;
    }

    @Test
    void multipartWithoutBoundaryParameterIsOneTextPart() {
        byte[] raw = crlf("Content-Type: multipart/mixed", "", "--x", "hello", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyStructure()).isEqualTo("(" + TEXT_PLAIN + "12 2 NIL NIL NIL NIL)");
        assertThat(section(raw, analysis, "1")).isEqualTo("--x\r\nhello\r\n");
    }

    @Test
    void multipartWhoseBoundaryNeverOccursIsOneTextPart() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=missing", "", "just text", "more", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyBasic()).isEqualTo("(" + TEXT_PLAIN + "17 2)");
        assertThat(analysis.bodyText()).isEqualTo("just text\r\nmore\r\n");
    }

    @Test
    void truncatedMultipartKeepsTheStartedPart() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "",
                "hello wor");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyBasic()).isEqualTo("((" + TEXT_PLAIN + "9 0) \"MIXED\")");
        assertThat(section(raw, analysis, "1")).isEqualTo("hello wor");
    }

    @Test
    void partTruncatedInsideItsHeader() {
        byte[] raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: te"
                .getBytes(StandardCharsets.US_ASCII);

        MessageAnalysis analysis = analyze(raw);

        // "te" is no valid type: RFC 2045 §5.2 default; the whole rest is the part's header.
        assertThat(analysis.bodyBasic()).isEqualTo("((" + TEXT_PLAIN + "0 0) \"MIXED\")");
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo("Content-Type: te");
    }

    @Test
    void partHeaderCutShortByTheNextDelimiter() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/html",
                "--b", "", "second", "--b--", "");

        MessageAnalysis analysis = analyze(raw);

        // The line break before a delimiter is the delimiter's (RFC 2046 §5.1.1), even after a header.
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo("Content-Type: text/html");
        assertThat(section(raw, analysis, "1")).isEmpty();
        assertThat(section(raw, analysis, "2.MIME")).isEqualTo("\r\n");
        assertThat(section(raw, analysis, "2")).isEqualTo("second");
    }

    @Test
    void missingCloseDelimiterOfAnInnerMultipartEndsAtTheOuterDelimiter() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=outer", "",
                "--outer", "Content-Type: multipart/alternative; boundary=inner", "",
                "--inner", "", "a",
                "--outer", "", "b",
                "--outer--", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(parts(analysis)).containsOnlyKeys("", "1", "1.1", "2");
        assertThat(section(raw, analysis, "1.1")).isEqualTo("a");
        assertThat(section(raw, analysis, "2")).isEqualTo("b");
    }

    @Test
    void delimiterLineWithTrailingTextStillDelimits() {
        // RFC 2046 §5.1.1: it is enough that the boundary appears in its entirety after the CRLF.
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b  trailing", "", "one",
                "--b-- end", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(section(raw, analysis, "1")).isEqualTo("one");
    }

    @Test
    void bareLineFeedsAreLineEnds() {
        byte[] raw = String.join("\n", "Subject: unix", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "line one", "line two", "--b--", "")
                .getBytes(StandardCharsets.US_ASCII);

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyStructure()).isEqualTo(
                "((" + TEXT_PLAIN + "17 1 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"b\") NIL NIL NIL)");
        assertThat(section(raw, analysis, "1")).isEqualTo("line one\nline two");
        assertThat(section(raw, analysis, "1.MIME")).isEqualTo("Content-Type: text/plain\n\n");
        assertThat(analysis.subject()).isEqualTo("unix");
    }

    @Test
    void badBase64AndUnknownCharsetStillGiveSearchText() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
                "SGVsbG8*!!gV29y===bGQ", // "Hello World" with junk that lenient base64 skips
                "--b", "Content-Type: text/plain; charset=x-no-such-charset", "", "caf\u00e9",
                "--b--", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyText()).startsWith("Hello").endsWith("\ncaf\u00e9");
    }

    @Test
    void absurdNestingIsCappedAndTheDeepestContainerIsOpaque() {
        int levels = 100;
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            // "=1=" is no prefix of "=10=": RFC 2046 §5.1.1 forbids a boundary that prefixes another.
            message.append("Content-Type: multipart/mixed; boundary==").append(i).append("=\r\n\r\n--=").append(i)
                    .append("=\r\n");
        }
        message.append("\r\ndeep\r\n");
        byte[] raw = message.toString().getBytes(StandardCharsets.US_ASCII);

        MessageAnalysis analysis = analyze(raw);

        String deepest = "1" + ".1".repeat(MimeScanner.MAX_DEPTH - 1);
        assertThat(parts(analysis)).hasSize(MimeScanner.MAX_DEPTH + 1).containsKey(deepest);
        assertThat(section(raw, analysis, deepest + ".MIME")).isEqualTo("Content-Type: multipart/mixed; boundary==32=\r\n\r\n");
        assertThat(section(raw, analysis, deepest)).startsWith("--=32=\r\n").endsWith("\r\ndeep\r\n");
    }

    @Test
    void tooManyPartsEndInTheEpilogue() {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < MimeScanner.MAX_PARTS + 5; i++) {
            message.append("--b\r\n\r\nx\r\n");
        }
        message.append("--b--\r\n");
        byte[] raw = message.toString().getBytes(StandardCharsets.US_ASCII);

        MessageAnalysis analysis = analyze(raw);

        assertThat(parts(analysis)).hasSize(MimeScanner.MAX_PARTS + 1);
    }

    @Test
    void latin1HeaderFallsBackToIso88591() {
        byte[] raw = bytes("Subject: Caf", 0xE9, "\r\nFrom: Ren", 0xE9, " <r@example.com>\r\n\r\nx");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.subject()).isEqualTo("Caf\u00e9");
        assertThat(analysis.envelope()).startsWith("(NIL {5}\r\nCaf\u00e9 (({5}\r\nRen\u00e9 NIL \"r\" \"example.com\"))");
    }

    @Test
    void noBlankLineMakesTheWholeMessageTheHeader() {
        byte[] raw = crlf("Subject: x", "From: a@example.com");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.headerSize()).isEqualTo(raw.length);
        assertThat(analysis.bodyLines()).isZero();
        assertThat(analysis.bodyBasic()).isEqualTo("(" + TEXT_PLAIN + "0 0)");
        assertThat(analysis.subject()).isEqualTo("x");
    }

    @Test
    void headerlessTextAndJunkLinesAreTolerated() {
        byte[] raw = crlf(" continuation without a field", "From junk line without colon", "Bad Name: value",
                "Subject: kept", "", "body");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.headerText()).isEqualTo("Subject: kept");
        assertThat(section(raw, analysis, "1")).isEqualTo("body");
    }

    @Test
    void emptyInput() {
        MessageAnalysis analysis = analyze(new byte[0]);

        assertThat(analysis.envelope()).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertThat(analysis.bodyStructure()).isEqualTo("(" + TEXT_PLAIN + "0 0 NIL NIL NIL NIL)");
        assertThat(analysis.headerText()).isEmpty();
        assertThat(analysis.bodyText()).isEmpty();
    }

    @Test
    void encodedMessageRfc822IsShownAsText() {
        // RFC 2046 §5.2.1 forbids encoding message/rfc822; the encapsulated bytes are not where offsets point.
        byte[] raw = crlf("Content-Type: message/rfc822", "Content-Transfer-Encoding: base64", "",
                "U3ViamVjdDogeA0KDQp5", "");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyBasic())
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"BASE64\" 22 1)");
    }

    @Test
    void nulOctetsNeverReachTheText() {
        byte[] raw = bytes("Subject: a", 0, "b\r\nFrom: x", 0, "@example.com\r\n\r\nbody", 0, "\r\n");

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.subject()).isEqualTo("a\uFFFDb");
        assertThat(analysis.bodyText()).isEqualTo("body\uFFFD\r\n");
    }

    @Test
    void invalidContentTypeAndTransferEncodingUseTheDefaults() {
        byte[] raw = crlf("Content-Type: garbage", "Content-Transfer-Encoding: ?invalid", "", "x");

        assertThat(analyze(raw).bodyBasic()).isEqualTo("(" + TEXT_PLAIN + "1 0)");
    }

    @Test
    void everyTruncationOfAComplexMessageIsConsistent() {
        byte[] full = crlf(
                "From: \"A, B\" <a@example.com>",
                "To: g: c@example.com;",
                "Subject: =?UTF-8?Q?caf=C3=A9?=",
                "Content-Type: multipart/mixed; boundary=\"o\"",
                "",
                "pre",
                "--o",
                "Content-Type: multipart/alternative; boundary=i",
                "",
                "--i",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "caf=C3=A9",
                "--i--",
                "--o",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "Content-Type: multipart/mixed; boundary=x",
                "",
                "--x",
                "",
                "deep",
                "--x--",
                "--o--",
                "epilogue",
                "");
        for (int length = 0; length <= full.length; length++) {
            analyze(Arrays.copyOf(full, length));
        }
    }

    @Test
    void randomlyCorruptedMessagesAreConsistent() {
        byte[] base = crlf(
                "From: a@example.com",
                "Content-Type: multipart/mixed; boundary=\"o\"",
                "",
                "--o",
                "Content-Type: text/plain",
                "",
                "one",
                "--o",
                "Content-Type: message/rfc822",
                "",
                "Subject: s",
                "",
                "two",
                "--o--",
                "");
        byte[] alphabet = "-\r\n:;\"()<>@,=o\u00ff\0 ab".getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(20240601);
        for (int round = 0; round < 2000; round++) {
            byte[] raw = base.clone();
            int edits = 1 + random.nextInt(6);
            for (int i = 0; i < edits; i++) {
                raw[random.nextInt(raw.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            analyze(raw);
        }
    }

    @Test
    void searchTextIsBoundedWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars, four UTF-8 octets
        String longText = "x" + emoji.repeat(BodyTextExtractor.MAX_CHARS);
        byte[] raw = crlf("Subject: " + longText, "Content-Type: text/plain; charset=utf-8", "", longText);

        MessageAnalysis analysis = analyze(raw);

        assertThat(analysis.bodyText()).hasSize(BodyTextExtractor.MAX_CHARS - 1).endsWith(emoji);
        assertThat(analysis.subject()).hasSize(SearchText.MAX_CHARS - 1).endsWith(emoji);
        assertThat(analysis.headerText()).hasSizeLessThanOrEqualTo(SearchText.MAX_CHARS)
                .satisfies(text -> assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isFalse());
    }

    @Test
    void plainFallbackIsConsistent() {
        byte[] raw = crlf("Subject: x", "", "a", "b");

        MessageAnalysis analysis = MessageAnalyzer.plain(raw);

        assertConsistent(raw, analysis);
        assertThat(analysis.bodyStructure()).isEqualTo("(" + TEXT_PLAIN + raw.length + " 3 NIL NIL NIL NIL)");
    }

    /** Bytes from strings (ISO-8859-1) and single octet values, in order. */
    private static byte[] bytes(Object... pieces) {
        StringBuilder text = new StringBuilder();
        for (Object piece : pieces) {
            text.append(piece instanceof Integer octet ? String.valueOf((char) octet.intValue()) : (String) piece);
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
