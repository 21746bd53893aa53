package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.SearchKey;
import io.postflow.mailbox.domain.mail.SearchResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * SEARCH as one parameterised statement: ownership check, the criteria, the matching UIDs in
 * order, their highest MODSEQ and the mailbox's HIGHESTMODSEQ, all in one snapshot. The body table
 * is joined only when a key reads it.
 */
@ApplicationScoped
public class SearchQuery {

    private final Pool pool;

    public SearchQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<SearchResult> search(String accountKey, long mailboxId, SearchKey criteria) {
        SqlParams params = new SqlParams();
        String mailbox = params.add(mailboxId);
        String account = params.add(accountKey);
        SearchSql where = new SearchSql(params, mailbox);
        String condition = where.condition(criteria);
        String sql = "WITH mb AS (SELECT m.id, m.highestmodseq FROM mailbox m JOIN account a ON a.id = m.account_id"
                + " WHERE m.id = " + mailbox + " AND a.address = " + account + ")"
                + " SELECT mb.highestmodseq, s.uids, s.max_modseq FROM mb LEFT JOIN LATERAL ("
                + "SELECT array_agg(e.uid ORDER BY e.uid) AS uids, max(e.modseq) AS max_modseq"
                + " FROM mailbox_message e" + (where.usesBody() ? " JOIN message_body b ON b.id = e.body_id" : "")
                + " WHERE e.mailbox_id = mb.id AND " + condition + ") s ON TRUE";
        boolean reportModseq = where.usesModseq();
        return pool.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
            }
            Row row = rows.iterator().next();
            Long[] uids = row.getArrayOfLongs("uids");
            return new SearchResult(uids == null ? List.of() : List.of(uids), row.getLong("highestmodseq"),
                    reportModseq ? row.getLong("max_modseq") : null);
        });
    }
}
