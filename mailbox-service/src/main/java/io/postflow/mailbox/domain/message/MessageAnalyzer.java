package io.postflow.mailbox.domain.message;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes a message's {@link MessageAnalysis} once, at delivery or APPEND, so that IMAP FETCH and SEARCH
 * never re-parse it.
 *
 * <p>The analyzer is pure: no I/O and no state. It works as a CDI bean or created with {@code new}.
 * It reads the message in one pass to find its entities and their offsets ({@link MimeScanner}). Then it
 * formats the IMAP answers from that tree and decodes only the text parts that SEARCH needs, within a
 * bound. Malformed MIME never makes it throw: the structure degrades instead (see {@link MimeScanner}).
 *
 * <p>For the gateway:
 * <ul>
 *   <li>ENVELOPE and BODYSTRUCTURE are complete IMAP data items, outer parentheses included. A literal
 *       inside them counts the UTF-8 octets of its text, so send these strings as UTF-8.</li>
 *   <li>The part table's format and the RFC 3501 §6.4.5 section numbering are described in
 *       {@link PartTable}.</li>
 * </ul>
 */
@ApplicationScoped
public class MessageAnalyzer {

    private static final System.Logger LOG = System.getLogger(MessageAnalyzer.class.getName());

    /**
     * @param raw the message as accepted (for a mailbox entry: without its trace prefix)
     * @return the analysis; offsets are within raw
     */
    public MessageAnalysis analyze(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        try {
            return analyzeStructure(raw);
        } catch (RuntimeException bug) {
            // Every step is written not to throw on any input. Should one still do so, the message is
            // delivered with a plain structure rather than dead-lettered for its content.
            LOG.log(Level.WARNING, "MIME analysis failed; storing the message as one text part", bug);
            return plain(raw);
        }
    }

    private static MessageAnalysis analyzeStructure(byte[] raw) {
        MimeEntity message = MimeScanner.scan(raw);
        MimeHeader header = message.header();
        return new MessageAnalysis(
                message.bodyStart(),
                message.bodyLines(),
                EnvelopeFormatter.format(header),
                BodyStructureFormatter.format(message, true),
                BodyStructureFormatter.format(message, false),
                PartTable.toJson(message),
                SentDateParser.parse(header.value("date")),
                SearchText.subject(header),
                SearchText.addresses(header, "from"),
                SearchText.addresses(header, "to"),
                SearchText.addresses(header, "cc"),
                SearchText.addresses(header, "bcc"),
                header.value("message-id"),
                SearchText.header(header),
                BodyTextExtractor.extract(raw, message));
    }

    /**
     * The analysis of a message taken as an empty header and one text/plain body, built without any
     * parsing, for the fallback above.
     */
    static MessageAnalysis plain(byte[] raw) {
        int lines = 0;
        for (byte octet : raw) {
            if (octet == '\n') {
                lines++;
            }
        }
        ContentHeaders text = ContentHeaders.of(MimeHeader.EMPTY, ContentHeaders.Implicit.TEXT_PLAIN);
        MimeEntity message = new MimeEntity(0, 0, raw.length, lines, MimeHeader.EMPTY, text, List.of(), null);
        return new MessageAnalysis(0, lines, EnvelopeFormatter.format(MimeHeader.EMPTY),
                BodyStructureFormatter.format(message, true), BodyStructureFormatter.format(message, false),
                PartTable.toJson(message), null, null, null, null, null, null, null, "", "");
    }
}
