package io.postflow.mailbox.persistence;

import io.postflow.common.directory.DirectoryEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the committed directory for publication, outside any transaction: the current state of
 * given keys, and the whole directory page by page (keyset paging on the primary key, so a page
 * costs the same at the millionth account as at the first and nothing is held in memory).
 */
@ApplicationScoped
public class DirectoryQueries {

    /**
     * A local domain with what decides where its {@code postmaster@} goes.
     *
     * @param postmasterAccount an account {@code postmaster@<name>} exists
     * @param postmasterAlias   an alias {@code postmaster@<name>} exists
     * @param firstAccount      the domain's oldest account (lowest id), or null if it has none
     */
    public record DomainRow(long id, String name, boolean postmasterAccount, boolean postmasterAlias, String firstAccount) {
    }

    /** Entries of one page and the id to continue after. */
    public record Page<T>(List<T> items, long lastId) {
    }

    private static final String DOMAIN_COLUMNS = """
            SELECT d.id, d.name,
                   EXISTS (SELECT 1 FROM account a WHERE a.address = 'postmaster@' || d.name) AS postmaster_account,
                   EXISTS (SELECT 1 FROM alias l WHERE l.address = 'postmaster@' || d.name) AS postmaster_alias,
                   (SELECT a.address FROM account a WHERE a.domain_id = d.id ORDER BY a.id LIMIT 1) AS first_account
            FROM domain d
            """;

    private final Pool pool;

    DirectoryQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DomainRow>> domainsNamed(List<String> names) {
        return pool.preparedQuery(DOMAIN_COLUMNS + " WHERE d.name = ANY($1)")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> map(rows, DirectoryQueries::domainRow));
    }

    /** Accounts and aliases with these keys, as directory entries. */
    public Uni<List<DirectoryEntry>> addressesKeyed(List<String> keys) {
        return pool.preparedQuery("""
                        SELECT address, NULL::text[] AS targets FROM account WHERE address = ANY($1)
                        UNION ALL
                        SELECT address, targets FROM alias WHERE address = ANY($1)
                        """)
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> map(rows, DirectoryQueries::addressEntry));
    }

    public Uni<List<DomainRow>> domainPage(long afterId, int limit) {
        return pool.preparedQuery(DOMAIN_COLUMNS + " WHERE d.id > $1 ORDER BY d.id LIMIT $2")
                .execute(Tuple.of(afterId, limit))
                .map(rows -> map(rows, DirectoryQueries::domainRow));
    }

    public Uni<Page<DirectoryEntry>> accountPage(long afterId, int limit) {
        return page("SELECT id, address, NULL::text[] AS targets FROM account WHERE id > $1 ORDER BY id LIMIT $2",
                afterId, limit);
    }

    public Uni<Page<DirectoryEntry>> aliasPage(long afterId, int limit) {
        return page("SELECT id, address, targets FROM alias WHERE id > $1 ORDER BY id LIMIT $2", afterId, limit);
    }

    private Uni<Page<DirectoryEntry>> page(String sql, long afterId, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(afterId, limit)).map(rows -> {
            List<DirectoryEntry> entries = new ArrayList<>(rows.size());
            long lastId = afterId;
            for (Row row : rows) {
                entries.add(addressEntry(row));
                lastId = row.getLong("id");
            }
            return new Page<>(entries, lastId);
        });
    }

    private static DomainRow domainRow(Row row) {
        return new DomainRow(row.getLong("id"), row.getString("name"), row.getBoolean("postmaster_account"),
                row.getBoolean("postmaster_alias"), row.getString("first_account"));
    }

    // An account row has no targets; an alias row always has at least one (CHECK alias_has_targets).
    private static DirectoryEntry addressEntry(Row row) {
        String[] targets = row.getArrayOfStrings("targets");
        return targets == null
                ? new DirectoryEntry.Account(row.getString("address"))
                : new DirectoryEntry.Alias(row.getString("address"), Arrays.asList(targets));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(mapper.apply(row));
        }
        return items;
    }
}
