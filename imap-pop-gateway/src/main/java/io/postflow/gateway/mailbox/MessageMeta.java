package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH metadata of one message; ENVELOPE/BODYSTRUCTURE/BODY are ready-to-send IMAP text and
 * {@code header} the served header bytes, each present only when asked for.
 */
public record MessageMeta(long uid, List<String> flags, long modseq, OffsetDateTime internalDate, long size,
                          String envelope, String bodyStructure, String body, byte[] header) {

    static MessageMeta of(JsonObject j) {
        List<String> flags = new ArrayList<>(Json.strings(j.getJsonArray("flags")));
        flags.addAll(Json.strings(j.getJsonArray("keywords")));
        String date = j.getString("internalDate");
        String header = j.getString("header");
        return new MessageMeta(j.getLong("uid"), flags, j.getLong("modseq", 0L),
                date == null ? null : OffsetDateTime.parse(date), j.getLong("size", 0L), j.getString("envelope"),
                j.getString("bodyStructure"), j.getString("body"),
                header == null ? null : java.util.Base64.getDecoder().decode(header));
    }

    static List<MessageMeta> list(JsonArray array) {
        List<MessageMeta> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(of(array.getJsonObject(i)));
        }
        return out;
    }
}
