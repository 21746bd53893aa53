package io.postflow.mailbox;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/**
 * Creates domains and accounts straight in the database for delivery tests, with the same INBOX
 * row the admin API creates; the admin API has its own tests.
 */
public final class TestDirectory {

    private final Pool pool;

    public TestDirectory(Pool pool) {
        this.pool = pool;
    }

    /** Creates the account (and its domain if needed) with an INBOX; returns the INBOX id. */
    public long account(String address, Long quotaBytes) {
        String domain = address.substring(address.indexOf('@') + 1);
        return pool.withTransaction(conn -> conn
                .preparedQuery("INSERT INTO domain (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
                .execute(Tuple.of(domain))
                .chain(rows -> conn.preparedQuery("INSERT INTO account (domain_id, address, password_hash, quota_bytes) "
                        + "VALUES ($1, $2, 'not-a-login-account', $3) RETURNING id")
                        .execute(Tuple.of(rows.iterator().next().getLong("id"), address, quotaBytes)))
                .chain(rows -> conn.preparedQuery("INSERT INTO mailbox (account_id, name, uidvalidity) "
                        + "VALUES ($1, 'INBOX', nextval('mailbox_uidvalidity')) RETURNING id")
                        .execute(Tuple.of(rows.iterator().next().getLong("id")))))
                .map(rows -> rows.iterator().next().getLong("id"))
                .await().atMost(Duration.ofSeconds(10));
    }
}
