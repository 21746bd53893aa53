package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The {@code directory_outbox} table: directory keys changed by committed transactions and not yet
 * confirmed on Kafka. {@link #record} runs inside the caller's Hibernate transaction; reading and
 * deleting run outside any transaction on the reactive pool.
 */
@ApplicationScoped
public class DirectoryOutbox {

    /** One row of the outbox. */
    public record Pending(long id, String key) {
    }

    // PostgreSQL binds at most 65535 parameters per statement; stay far below.
    private static final int INSERT_CHUNK = 1000;

    private final Pool pool;

    DirectoryOutbox(Pool pool) {
        this.pool = pool;
    }

    /** Records changed keys in the current transaction and answers their row ids. */
    public Uni<List<Long>> record(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> {
            Uni<List<Long>> ids = Uni.createFrom().item(List.of());
            for (int from = 0; from < keys.size(); from += INSERT_CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + INSERT_CHUNK));
                ids = ids.chain(sofar -> insert(session, chunk).map(more -> concat(sofar, more)));
            }
            return ids;
        });
    }

    /** Rows older than {@code minAge}, oldest first: changes whose publication was not confirmed. */
    public Uni<List<Pending>> olderThan(Duration minAge, int limit) {
        return pool.preparedQuery("SELECT id, entry_key FROM directory_outbox "
                        + "WHERE created_at < now() - make_interval(secs => $1) ORDER BY id LIMIT $2")
                .execute(Tuple.of(minAge.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new Pending(row.getLong("id"), row.getString("entry_key")));
                    }
                    return pending;
                });
    }

    /** Forgets rows whose keys were published. */
    public Uni<Void> delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM directory_outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static Uni<List<Long>> insert(Mutiny.Session session, List<String> keys) {
        Mutiny.SelectionQuery<Long> insert = session.createNativeQuery(insertSql(keys.size()), Long.class);
        for (int i = 0; i < keys.size(); i++) {
            insert.setParameter(i + 1, keys.get(i));
        }
        return insert.getResultList();
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO directory_outbox (entry_key) VALUES ");
        for (int i = 1; i <= rows; i++) {
            sql.append(i == 1 ? "" : ", ").append("(?").append(i).append(')');
        }
        return sql.append(" RETURNING id").toString();
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
