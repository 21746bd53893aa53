package io.postflow.common.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postflow.common.json.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;

/** JSON value of a {@code mail.status} record; the key is the trace id. */
public final class DeliveryStatusCodec {

    private static final StrictJson JSON = new StrictJson(DeliveryStatusFormatException::new);

    private DeliveryStatusCodec() {
    }

    public static byte[] encode(DeliveryStatus s) {
        ObjectNode root = StrictJson.object();
        root.put("version", DeliveryStatus.CURRENT_VERSION);
        root.put("traceId", s.traceId());
        root.put("recipient", s.recipient());
        root.put("outcome", s.outcome().name());
        root.put("status", s.status());
        if (s.detail() != null) {
            root.put("detail", s.detail());
        }
        root.put("reporter", s.reporter());
        root.put("at", s.at().toString());
        return StrictJson.write(root);
    }

    public static DeliveryStatus decode(byte[] value) {
        ObjectNode root = JSON.readVersioned(value, "delivery status", DeliveryStatus.CURRENT_VERSION);
        try {
            return new DeliveryStatus(JSON.requiredText(root, "traceId"), JSON.requiredText(root, "recipient"),
                    DeliveryStatus.Outcome.valueOf(JSON.requiredText(root, "outcome")), JSON.requiredText(root, "status"),
                    JSON.optionalText(root, "detail"), JSON.requiredText(root, "reporter"),
                    Instant.parse(JSON.requiredText(root, "at")));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw JSON.error("invalid delivery status: " + e.getMessage());
        }
    }
}
