package io.postflow.mailbox.domain.message;

import java.util.StringJoiner;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * Decoded header text for SEARCH. SEARCH compares the user's words with what the user sees, so RFC 2047
 * words are decoded here, unlike in ENVELOPE. Decoded CR and LF become spaces, so that one field
 * stays one line. Each text is cut at {@link #MAX_CHARS} characters.
 */
final class SearchText {

    /** Bounds each text: a 25 MiB header must not become a 25 MiB trigram-indexed value. */
    static final int MAX_CHARS = 256 * 1024;

    private SearchText() {
    }

    /** The decoded Subject:, or null when there is none. */
    static String subject(MimeHeader header) {
        String subject = header.value("subject");
        return subject == null ? null : bounded(decodeWords(subject));
    }

    /**
     * The decoded names and addresses of an address field, "Name <local@domain>" joined by ", " and
     * groups as "name: members;", or null when the field is absent. Mime4j's lenient parser decodes the
     * display names. If it finds no address, the decoded value itself is kept, so its words stay
     * searchable.
     */
    static String addresses(MimeHeader header, String name) {
        HeaderField field = header.first(name);
        if (field == null) {
            return null;
        }
        String value = field.trimmed();
        // Pass the bytes with a cursor over all of them: parseAddressList(CharSequence) bounds the
        // cursor by the char count while parsing UTF-8 bytes, so it cuts non-ASCII values short.
        ByteSequence bytes = ContentUtil.encode(value);
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(bytes, new ParserCursor(0, bytes.length()));
        if (list.isEmpty()) {
            return bounded(decodeWords(value));
        }
        StringJoiner text = new StringJoiner(", ");
        for (Address address : list) {
            if (address instanceof Group group) {
                StringJoiner members = new StringJoiner(", ", group.getName() + ": ", ";");
                group.getMailboxes().forEach(mailbox -> members.add(mailbox(mailbox)));
                text.add(members.toString());
            } else if (address instanceof Mailbox mailbox) {
                text.add(mailbox(mailbox));
            }
        }
        return bounded(oneLine(text.toString()));
    }

    /**
     * The header unfolded, one "Name: value" per line joined by CRLF, with encoded words decoded, up to
     * {@link #MAX_CHARS} characters.
     */
    static String header(MimeHeader header) {
        StringBuilder text = new StringBuilder();
        for (HeaderField field : header.fields()) {
            if (text.length() > 0) {
                text.append("\r\n");
            }
            text.append(field.name()).append(": ").append(decodeWords(field.trimmed()));
            if (text.length() >= MAX_CHARS) {
                break;
            }
        }
        return RawText.truncate(text, MAX_CHARS);
    }

    private static String mailbox(Mailbox mailbox) {
        String name = mailbox.getName();
        return name == null || name.isBlank() ? mailbox.getAddress() : name + " <" + mailbox.getAddress() + ">";
    }

    private static String bounded(String text) {
        return RawText.truncate(text, MAX_CHARS);
    }

    private static String decodeWords(String value) {
        return oneLine(DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT));
    }

    private static String oneLine(String text) {
        return RawText.withoutNul(text).replace('\r', ' ').replace('\n', ' ');
    }
}
