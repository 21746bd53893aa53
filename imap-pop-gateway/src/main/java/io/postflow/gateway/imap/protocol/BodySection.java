package io.postflow.gateway.imap.protocol;

import java.util.List;
import java.util.Locale;

/**
 * {@code BODY[section]<partial>} (RFC 3501 §6.4.5): the part path ({@code "1.2"} or empty), the
 * text specifier, the header field names for HEADER.FIELDS[.NOT], and the partial range.
 *
 * @param part      dotted part numbers, empty for the whole message
 * @param specifier {@code ""}, HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME
 * @param fields    header names for the two HEADER.FIELDS forms, else empty
 * @param offset    partial start, or -1 for none
 * @param length    partial length (with offset)
 */
public record BodySection(String part, String specifier, List<String> fields, long offset, long length) {

    public BodySection {
        fields = List.copyOf(fields);
    }

    public boolean partial() {
        return offset >= 0;
    }

    public boolean headerFields() {
        return specifier.startsWith("HEADER.FIELDS");
    }

    /** The section as the internal API's content call takes it; HEADER.FIELDS reads HEADER. */
    public String apiSection() {
        String spec = headerFields() ? "HEADER" : specifier;
        if (part.isEmpty()) {
            return spec;
        }
        return spec.isEmpty() ? part : part + "." + spec;
    }

    /** The section as the response names it: {@code BODY[1.HEADER.FIELDS ("SUBJECT")]<0>}. */
    public String responseName() {
        StringBuilder out = new StringBuilder("BODY[").append(part);
        if (!specifier.isEmpty()) {
            out.append(part.isEmpty() ? "" : ".").append(specifier);
        }
        if (headerFields()) {
            out.append(" (");
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : " ").append('"').append(fields.get(i).toUpperCase(Locale.ROOT)).append('"');
            }
            out.append(')');
        }
        out.append(']');
        if (partial()) {
            out.append('<').append(offset).append('>');
        }
        return out.toString();
    }
}
