package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A mailbox as SELECT/EXAMINE opened it.
 *
 * @param recentFrom first UID that is \Recent for this session, or 0 for none (up to uidNext-1)
 */
public record SelectInfo(long id, String name, long uidValidity, long uidNext, long highestModseq, int messages,
                         Long firstUnseen, long recentFrom, List<String> keywords) {

    static SelectInfo of(JsonObject j) {
        JsonArray recent = j.getJsonArray("recentUids");
        JsonArray keywords = j.getJsonArray("keywords");
        return new SelectInfo(j.getLong("id"), j.getString("name"), j.getLong("uidValidity"), j.getLong("uidNext"),
                j.getLong("highestModseq", 0L), j.getInteger("messages", 0), j.getLong("firstUnseen"),
                recent == null || recent.isEmpty() ? 0 : recent.getLong(0),
                keywords == null ? List.of() : Json.strings(keywords));
    }
}
