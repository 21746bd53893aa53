package io.postflow.mailbox.domain.mail;

import java.util.EnumSet;
import java.util.Set;

/**
 * The optional items of a metadata fetch, beyond UID, flags, keywords, MODSEQ, internal date and
 * size, which every item has. Only these touch the message body table.
 */
public enum MetadataField {
    /** IMAP ENVELOPE, ready to send (RFC 3501 §7.4.2). */
    ENVELOPE("envelope"),
    /** IMAP BODYSTRUCTURE, extensible form. */
    BODY_STRUCTURE("bodyStructure"),
    /** IMAP BODY, non-extensible form. */
    BODY("body"),
    /** Octets of the header as served: trace prefix plus the message header, blank line included. */
    HEADER_SIZE("headerSize"),
    /** The part table with offsets into the served bytes. */
    PARTS("parts"),
    /**
     * The header bytes as served (base64 in JSON), so that BODY[HEADER.FIELDS (...)] for a range of
     * messages is one call: the gateway filters the fields itself.
     */
    HEADER("header");

    private final String wireName;

    MetadataField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a comma-separated list of wire names; absent or empty means none. */
    public static Set<MetadataField> parse(String list) {
        Set<MetadataField> fields = EnumSet.noneOf(MetadataField.class);
        if (list == null || list.isBlank()) {
            return fields;
        }
        for (String name : list.split(",", -1)) {
            fields.add(byWireName(name.strip()));
        }
        return fields;
    }

    private static MetadataField byWireName(String name) {
        for (MetadataField field : values()) {
            if (field.wireName.equals(name)) {
                return field;
            }
        }
        throw new MailRejection(MailRejection.Code.INVALID, "unknown field: " + name);
    }
}
