package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.AccountUsage;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads an account by its canonical address for login and QUOTA, one indexed query each. */
@ApplicationScoped
public class AccountLookup {

    /** What a password check needs; {@code passwordHash} is a PHC string. */
    public record Credentials(long id, String address, String passwordHash) {
    }

    private static final String CREDENTIALS = "SELECT id, address, password_hash FROM account WHERE address = $1";
    private static final String USAGE = "SELECT id, address, quota_bytes, used_bytes FROM account WHERE address = $1";

    private final Pool pool;

    public AccountLookup(Pool pool) {
        this.pool = pool;
    }

    /** The credentials of the account with this key, or a null item when there is none. */
    public Uni<Credentials> credentials(String accountKey) {
        return pool.preparedQuery(CREDENTIALS).execute(Tuple.of(accountKey)).map(rows -> rows.size() == 0 ? null
                : credentials(rows.iterator().next()));
    }

    public Uni<AccountUsage> usage(String accountKey) {
        return pool.preparedQuery(USAGE).execute(Tuple.of(accountKey)).map(AccountLookup::usage);
    }

    private static Credentials credentials(Row row) {
        return new Credentials(row.getLong("id"), row.getString("address"), row.getString("password_hash"));
    }

    private static AccountUsage usage(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such account");
        }
        Row row = rows.iterator().next();
        return new AccountUsage(row.getLong("id"), row.getString("address"), row.getLong("quota_bytes"),
                row.getLong("used_bytes"));
    }
}
