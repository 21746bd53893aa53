package io.postflow.common.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes and reads the {@link Envelope} Kafka header.
 *
 * <p>The JSON is built field by field instead of by data binding, so renaming a record component
 * can never silently change the wire format. Rules a consumer relies on:
 * <ul>
 *   <li>a version newer than {@link Envelope#CURRENT_VERSION} is rejected, never guessed at;</li>
 *   <li>unknown fields are ignored, so a writer may add optional fields without a version bump;</li>
 *   <li>null values are omitted, an absent optional field reads back as null.</li>
 * </ul>
 */
public final class EnvelopeCodec {

    /** Kafka header carrying the JSON envelope. */
    public static final String HEADER = "postflow-envelope";
    /** Kafka header carrying the bare trace id (UTF-8), so log tooling need not parse JSON. */
    public static final String TRACE_ID_HEADER = "postflow-trace-id";

    // Thread-safe once configured; never reconfigured after class initialisation.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // one meaning per field, no smuggling
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvelopeCodec() {
    }

    /** The compact UTF-8 JSON for the header value. */
    public static byte[] encode(Envelope envelope) {
        ObjectNode root = NODES.objectNode();
        root.put("version", envelope.version());
        root.put("traceId", envelope.traceId());
        root.put("mailFrom", envelope.mailFrom());
        root.set("mailParameters", encodeParameters(envelope.mailParameters()));
        ArrayNode recipients = root.putArray("recipients");
        envelope.recipients().forEach(r -> recipients.add(encodeRecipient(r)));
        putIfPresent(root, "clientAddress", envelope.clientAddress());
        putIfPresent(root, "clientHelo", envelope.clientHelo());
        putIfPresent(root, "authenticatedUser", envelope.authenticatedUser());
        if (envelope.tls() != null) {
            ObjectNode tls = root.putObject("tls");
            tls.put("protocol", envelope.tls().protocol());
            tls.put("cipherSuite", envelope.tls().cipherSuite());
        }
        root.put("receivedAt", envelope.receivedAt().toString()); // ISO-8601, UTC
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Reads a header value written by {@link #encode} of this or an older version. */
    public static Envelope decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new EnvelopeFormatException("empty envelope header");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new EnvelopeFormatException("envelope header is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new EnvelopeFormatException("envelope header is not a JSON object");
        }
        int version = requiredInt(root, "version");
        if (version < 1 || version > Envelope.CURRENT_VERSION) {
            throw new EnvelopeFormatException("unsupported envelope version " + version
                    + " (this code understands up to " + Envelope.CURRENT_VERSION + ")");
        }
        try {
            return new Envelope(
                    version,
                    requiredText(root, "traceId"),
                    requiredText(root, "mailFrom"),
                    decodeParameters(root.get("mailParameters")),
                    decodeRecipients(root.get("recipients")),
                    optionalText(root, "clientAddress"),
                    optionalText(root, "clientHelo"),
                    optionalText(root, "authenticatedUser"),
                    decodeTls(root.get("tls")),
                    decodeInstant(requiredText(root, "receivedAt")));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The record's own validation (e.g. NOTIFY=NEVER,SUCCESS) speaks for malformed input here.
            throw new EnvelopeFormatException("invalid envelope: " + e.getMessage(), e);
        }
    }

    private static ObjectNode encodeParameters(MailParameters p) {
        ObjectNode node = NODES.objectNode();
        putIfPresent(node, "body", p.body());
        node.put("smtpUtf8", p.smtpUtf8());
        putIfPresent(node, "ret", p.ret());
        putIfPresent(node, "envId", p.envId());
        if (p.declaredSize() != null) {
            node.put("declaredSize", p.declaredSize());
        }
        return node;
    }

    private static ObjectNode encodeRecipient(Recipient r) {
        ObjectNode node = NODES.objectNode();
        node.put("address", r.address());
        if (!r.notifyOn().isEmpty()) {
            ArrayNode notify = node.putArray("notify");
            r.notifyOn().forEach(n -> notify.add(n.name()));
        }
        putIfPresent(node, "orcpt", r.orcpt());
        return node;
    }

    private static MailParameters decodeParameters(JsonNode node) {
        if (node == null || node.isNull()) {
            return MailParameters.NONE;
        }
        requireObject(node, "mailParameters");
        JsonNode utf8 = node.get("smtpUtf8");
        if (utf8 != null && !utf8.isBoolean() && !utf8.isNull()) {
            throw new EnvelopeFormatException("mailParameters.smtpUtf8 must be a boolean");
        }
        JsonNode size = node.get("declaredSize");
        Long declaredSize = null;
        if (size != null && !size.isNull()) {
            if (!size.isIntegralNumber() || !size.canConvertToLong()) {
                throw new EnvelopeFormatException("mailParameters.declaredSize must be an integer");
            }
            declaredSize = size.longValue();
        }
        return new MailParameters(
                optionalText(node, "body"),
                utf8 != null && utf8.booleanValue(),
                optionalText(node, "ret"),
                optionalText(node, "envId"),
                declaredSize);
    }

    private static List<Recipient> decodeRecipients(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new EnvelopeFormatException("missing or invalid field: recipients");
        }
        List<Recipient> recipients = new ArrayList<>(node.size());
        for (JsonNode r : node) {
            requireObject(r, "recipients[]");
            recipients.add(new Recipient(requiredText(r, "address"), decodeNotify(r.get("notify")),
                    optionalText(r, "orcpt")));
        }
        return recipients;
    }

    private static Set<Notify> decodeNotify(JsonNode node) {
        Set<Notify> notify = EnumSet.noneOf(Notify.class);
        if (node == null || node.isNull()) {
            return notify;
        }
        if (!node.isArray()) {
            throw new EnvelopeFormatException("recipients[].notify must be an array");
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new EnvelopeFormatException("recipients[].notify must hold strings");
            }
            try {
                notify.add(Notify.valueOf(n.textValue()));
            } catch (IllegalArgumentException e) {
                throw new EnvelopeFormatException("unknown NOTIFY value: " + n.textValue(), e);
            }
        }
        return notify;
    }

    private static TlsInfo decodeTls(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        requireObject(node, "tls");
        return new TlsInfo(requiredText(node, "protocol"), requiredText(node, "cipherSuite"));
    }

    private static Instant decodeInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new EnvelopeFormatException("receivedAt is not an ISO-8601 instant", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new EnvelopeFormatException(what + " must be a JSON object");
        }
    }

    private static int requiredInt(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new EnvelopeFormatException("missing or invalid field: " + field);
        }
        return node.intValue();
    }

    private static String requiredText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new EnvelopeFormatException("missing or invalid field: " + field);
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new EnvelopeFormatException("field must be a string: " + field);
        }
        return node.textValue();
    }
}
