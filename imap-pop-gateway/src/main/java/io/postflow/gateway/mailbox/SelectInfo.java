package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A mailbox as SELECT/EXAMINE opened it.
 *
 * @param recentFrom first UID that is \Recent for this session, or 0 for none (up to uidNext-1)
 * @param uids       every UID below uidNext, ascending: the sequence numbers
 */
public record SelectInfo(long id, String name, long uidValidity, long uidNext, long highestModseq, int messages,
                         Long firstUnseen, long recentFrom, List<String> keywords, long[] uids) {

    static SelectInfo of(JsonObject j) {
        JsonArray recent = j.getJsonArray("recentUids");
        JsonArray keywords = j.getJsonArray("keywords");
        return new SelectInfo(j.getLong("id"), j.getString("name"), j.getLong("uidValidity"), j.getLong("uidNext"),
                j.getLong("highestModseq", 0L), j.getInteger("messages", 0), j.getLong("firstUnseen"),
                recent == null || recent.isEmpty() ? 0 : recent.getLong(0),
                keywords == null ? List.of() : Json.strings(keywords), ranges(j.getString("uids", "")));
    }

    /** "1:4,7,9:12" as the UIDs it names, ascending. */
    static long[] ranges(String ranges) {
        if (ranges.isEmpty()) {
            return new long[0];
        }
        long[] out = new long[16];
        int size = 0;
        for (String range : ranges.split(",")) {
            int colon = range.indexOf(':');
            long low = Long.parseLong(colon < 0 ? range : range.substring(0, colon));
            long high = colon < 0 ? low : Long.parseLong(range.substring(colon + 1));
            for (long uid = low; uid <= high; uid++) {
                if (size == out.length) {
                    out = java.util.Arrays.copyOf(out, size * 2);
                }
                out[size++] = uid;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }
}
