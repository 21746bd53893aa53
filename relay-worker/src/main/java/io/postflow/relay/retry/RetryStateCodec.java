package io.postflow.relay.retry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postflow.common.json.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Versioned JSON of the {@code postflow-retry} header, written field by field like the envelope. */
public final class RetryStateCodec {

    public static final String HEADER = "postflow-retry";
    private static final int VERSION = 1;
    private static final StrictJson JSON = new StrictJson(IllegalArgumentException::new);

    private RetryStateCodec() {
    }

    public static byte[] encode(RetryState state) {
        ObjectNode root = StrictJson.object();
        root.put("version", VERSION);
        root.put("attempts", state.attempts());
        root.put("dueAt", state.dueAt().toString());
        ArrayNode notified = root.putArray("delayNotified");
        state.delayNotified().stream().sorted().forEach(notified::add);
        ObjectNode last = root.putObject("lastFailures");
        state.lastFailures().forEach((address, f) -> {
            ObjectNode node = last.putObject(address);
            node.put("status", f.status());
            node.put("diagnostic", f.diagnostic());
            if (f.remoteMta() != null) {
                node.put("remoteMta", f.remoteMta());
            }
        });
        return StrictJson.write(root);
    }

    /** Reads a header; throws IllegalArgumentException for anything malformed. */
    public static RetryState decode(byte[] value) {
        ObjectNode root = JSON.readVersioned(value, "retry state", VERSION);
        try {
            Set<String> notified = new HashSet<>();
            JsonNode list = root.get("delayNotified");
            if (list != null) {
                list.forEach(n -> notified.add(n.asText()));
            }
            Map<String, RetryState.LastFailure> last = new HashMap<>();
            JsonNode failures = root.get("lastFailures");
            if (failures != null) {
                Iterator<Map.Entry<String, JsonNode>> fields = failures.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    last.put(f.getKey(), new RetryState.LastFailure(JSON.requiredText(f.getValue(), "status"),
                            JSON.requiredText(f.getValue(), "diagnostic"), JSON.optionalText(f.getValue(), "remoteMta")));
                }
            }
            return new RetryState((int) JSON.requiredLong(root, "attempts"), Instant.parse(JSON.requiredText(root, "dueAt")),
                    notified, last);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid retry state: " + e.getMessage(), e);
        }
    }
}
