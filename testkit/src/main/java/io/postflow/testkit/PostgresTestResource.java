package io.postflow.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own fresh database on the real PostgreSQL server:
 * {@code @WithTestResource(PostgresTestResource.class)}. Sets the contract keys
 * {@code postflow.db.url}, {@code postflow.db.username} and {@code postflow.db.password}; the
 * database is dropped when the application under test stops.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        return Map.of(
                "postflow.db.url", database.url(),
                "postflow.db.username", database.user(),
                "postflow.db.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
