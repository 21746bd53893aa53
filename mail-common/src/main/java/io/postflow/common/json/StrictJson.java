package io.postflow.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Function;

/**
 * Tree-model JSON for the Kafka record contracts: written field by field (a renamed Java component
 * never changes the wire format) and read strictly (duplicate keys and trailing tokens refused, so
 * one record has one meaning). Each codec supplies its own exception type.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Function<String, RuntimeException> error;

    public StrictJson(Function<String, RuntimeException> error) {
        this.error = error;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Parses a JSON object whose {@code version} is between 1 and {@code maxVersion}. */
    public ObjectNode readVersioned(byte[] json, String what, int maxVersion) {
        if (json == null || json.length == 0) {
            throw error.apply("empty " + what);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw error.apply(what + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw error.apply(what + " is not a JSON object");
        }
        long version = requiredLong(root, "version");
        if (version < 1 || version > maxVersion) {
            throw error.apply("unsupported " + what + " version " + version + " (this code understands up to " + maxVersion + ")");
        }
        return (ObjectNode) root;
    }

    public String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw error.apply("missing or invalid field: " + field);
        }
        return value.textValue();
    }

    public String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error.apply("field must be a string: " + field);
        }
        return value.textValue();
    }

    public long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error.apply("missing or invalid field: " + field);
        }
        return value.longValue();
    }

    public RuntimeException error(String message) {
        return error.apply(message);
    }
}
