package io.postflow.mailbox.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The fields of one header block (a message header or a MIME part header), in order. */
final class MimeHeader {

    static final MimeHeader EMPTY = new MimeHeader(List.of());

    private final List<HeaderField> fields;

    private MimeHeader(List<HeaderField> fields) {
        this.fields = List.copyOf(fields);
    }

    List<HeaderField> fields() {
        return fields;
    }

    /** The first field of that name (RFC 5322 §1.2.2: names are case-insensitive), or null. */
    HeaderField first(String name) {
        for (HeaderField field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    /** The first field's value, unfolded and trimmed, or null when the field is absent. */
    String value(String name) {
        HeaderField field = first(name);
        return field == null ? null : field.trimmed();
    }

    /**
     * Collects fields from the header's lines as the scanner passes them, so the header is read once.
     * Offsets are into the raw message; a line is given without its line break.
     */
    static final class Builder {

        private final byte[] raw;
        private final List<HeaderField> fields = new ArrayList<>();
        private String name;
        private int valueStart;
        private int valueEnd;

        Builder(byte[] raw) {
            this.raw = raw;
        }

        void line(int start, int contentEnd) {
            byte first = raw[start];
            if (first == ' ' || first == '\t') {
                // RFC 5322 §2.2.3: a line starting with WSP continues the field before it. After a line
                // that is not a field there is nothing to continue, and the line is ignored with it.
                if (name != null) {
                    valueEnd = contentEnd;
                }
                return;
            }
            flush();
            int colon = indexOf(':', start, contentEnd);
            if (colon < 0) {
                return; // not a field (an mbox "From " line, stray text): its bytes stay in the header only
            }
            int nameEnd = colon;
            while (nameEnd > start && (raw[nameEnd - 1] == ' ' || raw[nameEnd - 1] == '\t')) {
                nameEnd--; // RFC 5322 §4.5: obsolete syntax allows WSP before the colon
            }
            if (!isFieldName(start, nameEnd)) {
                return;
            }
            name = new String(raw, start, nameEnd - start, StandardCharsets.ISO_8859_1);
            valueStart = colon + 1;
            valueEnd = contentEnd;
        }

        MimeHeader build() {
            flush();
            return new MimeHeader(fields);
        }

        private void flush() {
            if (name != null) {
                fields.add(new HeaderField(name, RawText.decode(raw, valueStart, valueEnd)));
                name = null;
            }
        }

        /** RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126. */
        private boolean isFieldName(int start, int end) {
            if (start == end) {
                return false;
            }
            for (int i = start; i < end; i++) {
                if (raw[i] < 33 || raw[i] > 126) { // also rejects 8-bit octets, negative as Java bytes
                    return false;
                }
            }
            return true;
        }

        private int indexOf(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (raw[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }
}
