package io.postflow.gateway.mailbox;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading the internal API's arrays. */
final class Json {

    private Json() {
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>(array == null ? 0 : array.size());
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getString(i));
            }
        }
        return out;
    }

    static List<Long> longs(JsonArray array) {
        List<Long> out = new ArrayList<>(array == null ? 0 : array.size());
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getLong(i));
            }
        }
        return out;
    }
}
