package io.postflow.mailbox.persistence;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a statement assembled from fixed fragments: every value goes here and only its
 * placeholder ({@code $n}) goes into the SQL text, so no value is ever spliced into a statement.
 */
final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    /** Adds a value; returns its placeholder. */
    String add(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    Tuple tuple() {
        return Tuple.from(values);
    }
}
