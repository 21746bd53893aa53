package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a MOVE did (RFC 6851): the COPYUID data and the source UIDs it expunged, ascending.
 */
public record MoveResult(CopyResult copy, List<Long> expunged) {

    static MoveResult of(JsonObject j) {
        JsonArray pairs = j.getJsonArray("mapping");
        List<long[]> mapping = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            JsonArray p = pairs.getJsonArray(i);
            mapping.add(new long[] {p.getLong(0), p.getLong(1)});
        }
        JsonArray expunged = j.getJsonArray("expunged");
        return new MoveResult(new CopyResult(j.getLong("targetId", 0L), j.getLong("uidValidity"), mapping),
                expunged == null ? List.of() : Json.longs(expunged));
    }
}
