package io.postflow.mailbox.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the test database, to check and arrange what the API does not show. */
public final class Database {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    public List<Row> query(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT).forEach(rows::add);
        return rows;
    }

    public Row single(String sql, Object... parameters) {
        List<Row> rows = query(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    public long count(String sql, Object... parameters) {
        return single(sql, parameters).getLong(0);
    }
}
