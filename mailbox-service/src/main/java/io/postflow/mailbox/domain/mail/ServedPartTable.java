package io.postflow.mailbox.domain.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A message's part table (see {@code domain.message.PartTable}) with its offsets moved into the
 * bytes an entry serves: the entry's trace prefix comes first, so every offset grows by the
 * prefix length, except a {@code headerStart} of 0. That one is the start of the message header,
 * and in the served bytes the message header starts with the prefix: BODY[HEADER], and
 * BODY[1.MIME] of a single-part message (whose MIME header is the message header, RFC 3501
 * §6.4.5), include the trace fields, as RFC822.HEADER does.
 */
public final class ServedPartTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OFFSETS = List.of("headerStart", "bodyStart", "end", "innerHeaderEnd");

    private final ArrayNode parts;

    private ServedPartTable(ArrayNode parts) {
        this.parts = parts;
    }

    /** The table stored with a body, for an entry whose prefix has {@code prefixLength} octets. */
    public static ServedPartTable of(String storedJson, int prefixLength) {
        JsonNode tree;
        try {
            tree = JSON.readTree(storedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored part table is not JSON", e);
        }
        if (!(tree instanceof ArrayNode array)) {
            throw new IllegalStateException("stored part table is not an array");
        }
        for (JsonNode part : array) {
            ObjectNode entry = (ObjectNode) part;
            for (String name : OFFSETS) {
                JsonNode offset = entry.get(name);
                if (offset != null && !(name.equals("headerStart") && offset.asLong() == 0)) {
                    entry.put(name, offset.asLong() + prefixLength);
                }
            }
        }
        return new ServedPartTable(array);
    }

    /** The table in served offsets, as the metadata fetch returns it. */
    public ArrayNode json() {
        return parts;
    }

    /**
     * The bytes of a part section: BODY[n] is [bodyStart, end), BODY[n.MIME] is [headerStart,
     * bodyStart), and for a message/rfc822 part BODY[n.HEADER] is [bodyStart, innerHeaderEnd) and
     * BODY[n.TEXT] is [innerHeaderEnd, end). A part that does not exist, or HEADER/TEXT of a part
     * that is not a message, is empty: RFC 3501 §6.4.5 answers a non-existent section with an
     * empty string rather than an error.
     */
    public ByteRange range(Section section) {
        JsonNode entry = find(section.part());
        if (entry == null) {
            return ByteRange.EMPTY;
        }
        long headerStart = entry.get("headerStart").asLong();
        long bodyStart = entry.get("bodyStart").asLong();
        long end = entry.get("end").asLong();
        JsonNode inner = entry.get("innerHeaderEnd");
        return switch (section.kind()) {
            case PART -> new ByteRange(bodyStart, end);
            case PART_MIME -> new ByteRange(headerStart, bodyStart);
            case PART_HEADER -> inner == null ? ByteRange.EMPTY : new ByteRange(bodyStart, inner.asLong());
            case PART_TEXT -> inner == null ? ByteRange.EMPTY : new ByteRange(inner.asLong(), end);
            default -> throw new IllegalArgumentException("not a part section: " + section);
        };
    }

    private JsonNode find(String number) {
        for (JsonNode entry : parts) {
            if (number.equals(entry.path("section").asText())) {
                return entry;
            }
        }
        return null;
    }
}
