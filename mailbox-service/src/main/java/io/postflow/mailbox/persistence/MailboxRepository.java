package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MailboxRepository implements PanacheRepository<MailboxEntity> {

    /** A mailbox every new account gets: its name and RFC 6154 special-use attribute (null for INBOX). */
    public record DefaultMailbox(String name, String specialUse) {
    }

    /** RFC 3501 §5.1 INBOX, and the RFC 6154 §2 special-use mailboxes clients look for. */
    public static final List<DefaultMailbox> DEFAULTS = List.of(
            new DefaultMailbox("INBOX", null),
            new DefaultMailbox("Sent", "\\Sent"),
            new DefaultMailbox("Drafts", "\\Drafts"),
            new DefaultMailbox("Trash", "\\Trash"),
            new DefaultMailbox("Junk", "\\Junk"),
            new DefaultMailbox("Archive", "\\Archive"));

    private static final String INSERT_DEFAULTS = insertDefaultsSql();

    /**
     * Creates the default mailboxes of a new account, subscribed, in the caller's transaction.
     * Each takes a fresh UIDVALIDITY from one sequence that never repeats, so a name deleted and
     * created again can never be mistaken for the old mailbox (RFC 3501 §2.3.1.1).
     */
    public Uni<Integer> createDefaults(long accountId) {
        return getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT_DEFAULTS).setParameter(1, accountId);
            for (int i = 0; i < DEFAULTS.size(); i++) {
                insert.setParameter(2 * i + 2, DEFAULTS.get(i).name());
                insert.setParameter(2 * i + 3, DEFAULTS.get(i).specialUse());
            }
            return insert.executeUpdate();
        });
    }

    public Uni<List<MailboxEntity>> listOfAccount(long accountId) {
        return list("accountId", Sort.by("id"), accountId);
    }

    private static String insertDefaultsSql() {
        StringBuilder sql = new StringBuilder(
                "WITH created AS (INSERT INTO mailbox (account_id, name, special_use, uidvalidity) VALUES ");
        for (int i = 0; i < DEFAULTS.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?").append(2 * i + 2).append(", CAST(?").append(2 * i + 3)
                    .append(" AS VARCHAR), nextval('mailbox_uidvalidity'))");
        }
        // The defaults are subscribed: one statement makes the mailboxes and their subscriptions.
        return sql.append(" RETURNING account_id, name) INSERT INTO subscription (account_id, name)"
                + " SELECT account_id, name FROM created ON CONFLICT DO NOTHING").toString();
    }
}
