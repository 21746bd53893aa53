package io.postflow.mailbox.persistence;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailAddress;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MailboxNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves what an internal API path names — an account by address, a mailbox by id or name — and
 * checks that the mailbox belongs to the account, in one indexed query each.
 */
@ApplicationScoped
public class MailboxAccess {

    /** An account as the internal API sees it. */
    public record AccountRef(long id, String address) {
    }

    /** A mailbox of an account. */
    public record MailboxRef(long id, long accountId, String account, String name, long uidValidity) {
    }

    private static final String ACCOUNT = "SELECT id, address FROM account WHERE address = $1";
    private static final String BY_ID = """
            SELECT m.id, m.account_id, a.address, m.name, m.uidvalidity
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE m.id = $1 AND a.address = $2""";
    private static final String BY_NAME = """
            SELECT m.id, m.account_id, a.address, m.name, m.uidvalidity
              FROM mailbox m JOIN account a ON a.id = m.account_id
             WHERE a.address = $1 AND m.name = $2""";

    private final Pool pool;

    public MailboxAccess(Pool pool) {
        this.pool = pool;
    }

    /** The canonical lookup key of an address from a path, or INVALID. */
    public static String accountKey(String address) {
        try {
            return MailAddress.parse(address, true).key();
        } catch (AddressException e) {
            throw new MailRejection(MailRejection.Code.INVALID, "invalid account address: " + e.reason());
        }
    }

    public Uni<AccountRef> account(String address) {
        return pool.preparedQuery(ACCOUNT).execute(Tuple.of(accountKey(address)))
                .map(rows -> first(rows, "no such account"))
                .map(row -> new AccountRef(row.getLong("id"), row.getString("address")));
    }

    public Uni<MailboxRef> mailbox(String address, long mailboxId) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(mailboxId, accountKey(address)))
                .map(rows -> mailboxRef(first(rows, "no such mailbox")));
    }

    public Uni<MailboxRef> mailboxByName(String address, String name) {
        return pool.preparedQuery(BY_NAME).execute(Tuple.of(accountKey(address), MailboxNames.canonical(name)))
                .map(rows -> mailboxRef(first(rows, "no such mailbox")));
    }

    private static Row first(RowSet<Row> rows, String detail) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, detail);
        }
        return rows.iterator().next();
    }

    private static MailboxRef mailboxRef(Row row) {
        return new MailboxRef(row.getLong("id"), row.getLong("account_id"), row.getString("address"),
                row.getString("name"), row.getLong("uidvalidity"));
    }
}
