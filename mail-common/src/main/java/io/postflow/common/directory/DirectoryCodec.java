package io.postflow.common.directory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postflow.common.directory.DirectoryEntry.Account;
import io.postflow.common.directory.DirectoryEntry.Alias;
import io.postflow.common.directory.DirectoryEntry.LocalDomain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the records of {@code directory.addresses}.
 *
 * <p>Key: the canonical domain (A-label) or address key, as UTF-8 text. Value: versioned JSON,
 * {@code {"version":1,"type":"domain|account|alias",...}}, or null for a deleted key (a Kafka
 * tombstone, which compaction eventually removes). The JSON is built field by field, not by data
 * binding, so renaming a record component never changes the wire format. Rules a reader relies on:
 * <ul>
 *   <li>a version newer than {@link #CURRENT_VERSION} is rejected, never guessed at;</li>
 *   <li>unknown fields are ignored, so a writer may add optional fields without a version bump;</li>
 *   <li>the key must be the entry's own key, so a reader's map can never disagree with the topic.</li>
 * </ul>
 */
public final class DirectoryCodec {

    /** The format version this code writes and the newest it reads. */
    public static final int CURRENT_VERSION = 1;

    static final String TYPE_DOMAIN = "domain";
    static final String TYPE_ACCOUNT = "account";
    static final String TYPE_ALIAS = "alias";

    // Thread-safe once configured; never reconfigured after class initialisation.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // one meaning per field, no smuggling
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DirectoryCodec() {
    }

    /** The record key of an entry: its canonical domain or address. */
    public static String key(DirectoryEntry entry) {
        return entry.key();
    }

    /**
     * True if a key names a domain rather than an address. A tombstone carries only its key, and
     * a domain never contains {@code @} while every address key does.
     */
    public static boolean isDomainKey(String key) {
        return key.indexOf('@') < 0;
    }

    /** The compact UTF-8 JSON value of an entry. */
    public static byte[] encode(DirectoryEntry entry) {
        ObjectNode root = NODES.objectNode();
        root.put("version", CURRENT_VERSION);
        // Java 17: no pattern switch yet; the sealed interface keeps this chain complete.
        if (entry instanceof LocalDomain domain) {
            root.put("type", TYPE_DOMAIN);
            root.put("domain", domain.domain());
        } else if (entry instanceof Account account) {
            root.put("type", TYPE_ACCOUNT);
            root.put("address", account.address());
        } else if (entry instanceof Alias alias) {
            root.put("type", TYPE_ALIAS);
            root.put("address", alias.address());
            ArrayNode targets = root.putArray("targets");
            alias.targets().forEach(targets::add);
        } else {
            throw new IllegalArgumentException("unknown directory entry " + entry.getClass());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /**
     * Reads a record of {@code directory.addresses}.
     *
     * @return the entry, or null for a tombstone ({@code value == null}): the key was deleted
     * @throws DirectoryFormatException if the record is not a valid entry of a known version
     */
    public static DirectoryEntry decode(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new DirectoryFormatException("directory record without a key");
        }
        if (value == null) {
            return null;
        }
        JsonNode root = parse(value);
        int version = requiredInt(root, "version");
        if (version < 1 || version > CURRENT_VERSION) {
            throw new DirectoryFormatException("unsupported directory record version " + version
                    + " (this code understands up to " + CURRENT_VERSION + ")");
        }
        DirectoryEntry entry = decodeEntry(root);
        if (!entry.key().equals(key)) {
            throw new DirectoryFormatException("record key does not match its entry");
        }
        return entry;
    }

    private static JsonNode parse(byte[] value) {
        JsonNode root;
        try {
            root = MAPPER.readTree(value);
        } catch (IOException e) {
            throw new DirectoryFormatException("directory record is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new DirectoryFormatException("directory record is not a JSON object");
        }
        return root;
    }

    private static DirectoryEntry decodeEntry(JsonNode root) {
        String type = requiredText(root, "type");
        try {
            return switch (type) {
                case TYPE_DOMAIN -> new LocalDomain(requiredText(root, "domain"));
                case TYPE_ACCOUNT -> new Account(requiredText(root, "address"));
                case TYPE_ALIAS -> new Alias(requiredText(root, "address"), textArray(root, "targets"));
                default -> throw new DirectoryFormatException("unknown directory record type: " + type);
            };
        } catch (IllegalArgumentException e) {
            // The entry's own validation (canonical names, at least one target) speaks here.
            throw new DirectoryFormatException("invalid " + type + " record: " + e.getMessage(), e);
        }
    }

    private static int requiredInt(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new DirectoryFormatException("missing or invalid field: " + field);
        }
        return node.intValue();
    }

    private static String requiredText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new DirectoryFormatException("missing or invalid field: " + field);
        }
        return node.textValue();
    }

    private static List<String> textArray(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new DirectoryFormatException("missing or invalid field: " + field);
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new DirectoryFormatException(field + " must hold strings");
            }
            values.add(item.textValue());
        }
        return values;
    }
}
