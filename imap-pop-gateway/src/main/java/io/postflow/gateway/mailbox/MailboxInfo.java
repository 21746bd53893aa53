package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonObject;

/** A mailbox as the internal API lists it (LIST, LSUB, STATUS). Names are UTF-8, '/' delimited. */
public record MailboxInfo(long id, String name, String specialUse, boolean subscribed, long uidValidity, long uidNext,
                          long highestModseq, int messages, int unseen, int recent, long deletedBytes) {

    static MailboxInfo of(JsonObject j) {
        return new MailboxInfo(j.getLong("id"), j.getString("name"), j.getString("specialUse"),
                j.getBoolean("subscribed", false), j.getLong("uidValidity"), j.getLong("uidNext"),
                j.getLong("highestModseq", 0L), j.getInteger("messages", 0), j.getInteger("unseen", 0), j.getInteger("recent", 0),
                j.getLong("deletedBytes", 0L));
    }
}
