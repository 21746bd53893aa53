package io.postflow.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postflow.common.json.StrictJson;
import java.util.ArrayList;
import java.util.List;

/** JSON value of a {@code mailbox.events} record; the key is the mailbox id in decimal. */
public final class MailboxEventCodec {

    private static final StrictJson JSON = new StrictJson(MailboxEventFormatException::new);

    private MailboxEventCodec() {
    }

    public static String key(MailboxEvent event) {
        return Long.toString(event.mailboxId());
    }

    public static byte[] encode(MailboxEvent event) {
        ObjectNode root = StrictJson.object();
        root.put("version", MailboxEvent.CURRENT_VERSION);
        root.put("mailboxId", event.mailboxId());
        root.put("account", event.account());
        root.put("type", event.type().name());
        root.put("modseq", event.modseq());
        root.put("uidNext", event.uidNext());
        ArrayNode uids = root.putArray("uids");
        event.uids().forEach(uids::add);
        return StrictJson.write(root);
    }

    public static MailboxEvent decode(byte[] value) {
        ObjectNode root = JSON.readVersioned(value, "mailbox event", MailboxEvent.CURRENT_VERSION);
        MailboxEvent.Type type;
        try {
            type = MailboxEvent.Type.valueOf(JSON.requiredText(root, "type"));
        } catch (IllegalArgumentException e) {
            throw JSON.error("unknown mailbox event type");
        }
        JsonNode uidsNode = root.get("uids");
        if (uidsNode == null || !uidsNode.isArray()) {
            throw JSON.error("missing or invalid field: uids");
        }
        List<Long> uids = new ArrayList<>(uidsNode.size());
        for (JsonNode uid : uidsNode) {
            if (!uid.isIntegralNumber()) {
                throw JSON.error("uids must hold integers");
            }
            uids.add(uid.longValue());
        }
        return new MailboxEvent(JSON.requiredLong(root, "mailboxId"), JSON.requiredText(root, "account"), type,
                JSON.requiredLong(root, "modseq"), JSON.requiredLong(root, "uidNext"), uids);
    }
}
