package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A POP3 maildrop as mailbox-service locked and listed it: the lease, the INBOX id and
 * UIDVALIDITY, and the UID and size of each message by ascending UID.
 */
public record Maildrop(String lease, long mailboxId, long uidValidity, long[] uids, long[] sizes) {

    static Maildrop of(JsonObject j) {
        JsonArray messages = j.getJsonArray("messages");
        long[] uids = new long[messages.size()];
        long[] sizes = new long[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            JsonArray pair = messages.getJsonArray(i);
            uids[i] = pair.getLong(0);
            sizes[i] = pair.getLong(1);
        }
        return new Maildrop(j.getString("lease"), j.getLong("mailboxId"), j.getLong("uidValidity"), uids, sizes);
    }
}
