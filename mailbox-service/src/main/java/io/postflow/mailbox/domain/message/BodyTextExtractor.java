package io.postflow.mailbox.domain.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * The decoded text of a message's text parts, for SEARCH BODY and TEXT (RFC 3501 §6.4.4). Each part's
 * transfer encoding is undone with mime4j's lenient decoders and its charset converted, and the parts are
 * joined by a newline. HTML is kept as it is. Parts marked as attachments (RFC 2183), and everything
 * inside them, are skipped, as are non-text parts. Decoding stops at {@link #MAX_CHARS}, so a huge part
 * is never decoded in full.
 */
final class BodyTextExtractor {

    static final int MAX_CHARS = 256 * 1024;

    private BodyTextExtractor() {
    }

    static String extract(byte[] raw, MimeEntity message) {
        StringBuilder text = new StringBuilder();
        collect(raw, message, text);
        return RawText.withoutNul(RawText.truncate(text, MAX_CHARS));
    }

    private static void collect(byte[] raw, MimeEntity entity, StringBuilder text) {
        if (text.length() >= MAX_CHARS || entity.content().isAttachment()) {
            return;
        }
        if (entity.isMultipart()) {
            for (MimeEntity part : entity.parts()) {
                collect(raw, part, text);
            }
        } else if (entity.message() != null) {
            collect(raw, entity.message(), text);
        } else if (entity.content().isText() && entity.bodySize() > 0) {
            if (text.length() > 0) {
                text.append('\n');
            }
            append(raw, entity, text);
        }
    }

    private static void append(byte[] raw, MimeEntity part, StringBuilder text) {
        InputStream octets = decoded(new ByteArrayInputStream(raw, part.bodyStart(), part.bodySize()),
                part.content().encoding());
        Charset charset = charset(part.content().param("charset"));
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(octets, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            int read;
            while (text.length() < MAX_CHARS
                    && (read = reader.read(buffer, 0, Math.min(buffer.length, MAX_CHARS - text.length()))) > 0) {
                text.append(buffer, 0, read);
            }
        } catch (IOException brokenEncoding) {
            // Keep what was decoded: the lenient decoders skip bad input and rarely get here.
        }
    }

    private static InputStream decoded(InputStream octets, String encoding) {
        if ("base64".equals(encoding)) {
            return new Base64InputStream(octets, DecodeMonitor.SILENT);
        }
        if ("quoted-printable".equals(encoding)) {
            return new QuotedPrintableInputStream(octets, DecodeMonitor.SILENT);
        }
        return octets; // 7bit, 8bit, binary and unknown encodings: the octets are the text
    }

    /**
     * Unknown charsets read as UTF-8. So does US-ASCII: it is the default label (RFC 2045 §5.2), and
     * unlabelled 8-bit text is most often UTF-8, which is a superset of it.
     */
    private static Charset charset(String name) {
        Charset charset = CharsetUtil.lookup(name);
        return charset == null || charset.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : charset;
    }
}
