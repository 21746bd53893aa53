package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A message's flags (system flags then keywords) and MODSEQ. */
public record FlagState(long uid, List<String> flags, long modseq) {

    static FlagState of(JsonObject j) {
        List<String> all = new ArrayList<>(Json.strings(j.getJsonArray("flags")));
        all.addAll(Json.strings(j.getJsonArray("keywords")));
        return new FlagState(j.getLong("uid"), all, j.getLong("modseq", 0L));
    }
}
