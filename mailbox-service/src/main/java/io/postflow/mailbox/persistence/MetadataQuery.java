package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.InternalDates;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.MessageMetadata;
import io.postflow.mailbox.domain.mail.MetadataField;
import io.postflow.mailbox.domain.mail.MetadataPage;
import io.postflow.mailbox.domain.mail.MetadataRequest;
import io.postflow.mailbox.domain.mail.StoredContent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A page of entry metadata in one statement: the mailbox's ownership check, the UID set, the
 * CHANGEDSINCE condition and the page bounds together, reading the (mailbox_id, uid) index in UID
 * order and joining the body table only when an item needs it.
 */
@ApplicationScoped
public class MetadataQuery {

    /**
     * Header octets one page may carry. Past it the page ends early (the first item always has its
     * header): a mailbox of messages with huge headers must not make a huge answer.
     */
    static final long HEADER_BUDGET = 2L * 1024 * 1024;

    private final Pool pool;

    public MetadataQuery(Pool pool) {
        this.pool = pool;
    }

    /** Where an entry's bytes are, for a fetch that streams sections. */
    public enum Content {
        /** Metadata only. */
        NONE,
        /** Also the trace prefix and the body's geometry. */
        GEOMETRY,
        /** Also the part table, for sections inside numbered parts. */
        PARTS
    }

    public Uni<MetadataPage> page(String accountKey, long mailboxId, MetadataRequest request) {
        return page(accountKey, mailboxId, request, Content.NONE);
    }

    /** A page whose entries also say where their bytes are ({@link MessageMetadata#content()}). */
    public Uni<MetadataPage> page(String accountKey, long mailboxId, MetadataRequest request, Content content) {
        SqlParams params = new SqlParams();
        String sql = sql(params, accountKey, mailboxId, request, content);
        return pool.preparedQuery(sql).execute(params.tuple()).map(rows -> page(rows, request, content));
    }

    private static String sql(SqlParams params, String accountKey, long mailboxId, MetadataRequest request,
                              Content content) {
        String mailbox = params.add(mailboxId);
        String account = params.add(accountKey);
        Set<MetadataField> fields = request.fields();
        StringBuilder columns = new StringBuilder(
                "e.uid, e.flags, e.keywords, e.modseq, e.internal_date, e.internal_zone, e.size,"
                        + " octet_length(e.prefix) AS prefix_length");
        if (content != Content.NONE) {
            columns.append(", e.body_id, e.prefix AS content_prefix, b.size AS body_size, b.header_size AS body_header_size");
        }
        if (content == Content.PARTS) {
            columns.append(", ").append(PartsColumn.TEXT).append(" AS content_parts");
        }
        if (fields.contains(MetadataField.ENVELOPE)) {
            columns.append(", b.envelope");
        }
        if (fields.contains(MetadataField.BODY_STRUCTURE)) {
            columns.append(", b.body_structure");
        }
        if (fields.contains(MetadataField.BODY)) {
            columns.append(", b.body_basic");
        }
        if (fields.contains(MetadataField.HEADER_SIZE)) {
            columns.append(", octet_length(e.prefix) + b.header_size AS header_size");
        }
        if (fields.contains(MetadataField.PARTS)) {
            columns.append(", ").append(PartsColumn.TEXT).append(" AS parts");
        }
        if (fields.contains(MetadataField.HEADER)) {
            // The running total of the headers before this one decides whether it still fits.
            columns.append(", CASE WHEN sum(octet_length(e.prefix) + b.header_size) OVER (ORDER BY e.uid)"
                    + " - (octet_length(e.prefix) + b.header_size) < ").append(params.add(HEADER_BUDGET))
                    .append(" THEN e.prefix || substring(b.content FROM 1 FOR b.header_size) END AS header");
        }
        StringBuilder where = new StringBuilder("e.mailbox_id = mb.id AND e.uid > ").append(params.add(request.afterUid()))
                .append(" AND ").append(UidSetSql.bounded(params, request.uids(), "e.uid", mailbox));
        if (request.changedSince() != null) {
            where.append(" AND e.modseq > ").append(params.add(request.changedSince()));
        }
        // Every optional item comes from the body table.
        boolean joinBody = !fields.isEmpty() || content != Content.NONE;
        return "WITH mb AS (SELECT m.id FROM mailbox m JOIN account a ON a.id = m.account_id"
                + " WHERE m.id = " + mailbox + " AND a.address = " + account + ")"
                + " SELECT p.* FROM mb LEFT JOIN LATERAL (SELECT " + columns
                + " FROM mailbox_message e" + (joinBody ? " JOIN message_body b ON b.id = e.body_id" : "")
                + " WHERE " + where
                + " ORDER BY e.uid LIMIT " + params.add(request.limit() + 1) + ") p ON true ORDER BY p.uid";
    }

    private static MetadataPage page(RowSet<Row> rows, MetadataRequest request, Content content) {
        if (rows.size() == 0) {
            throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such mailbox");
        }
        Set<MetadataField> fields = request.fields();
        List<MessageMetadata> items = new ArrayList<>();
        Long next = null;
        for (Row row : rows) {
            if (row.getLong("uid") == null) {
                break; // the mailbox exists and nothing matched
            }
            boolean full = items.size() == request.limit();
            boolean overBudget = fields.contains(MetadataField.HEADER) && row.getBuffer("header") == null;
            if (full || overBudget) {
                next = items.get(items.size() - 1).uid();
                break;
            }
            items.add(metadata(row, fields, content));
        }
        return new MetadataPage(items, next);
    }

    private static MessageMetadata metadata(Row row, Set<MetadataField> fields, Content content) {
        return new MessageMetadata(
                row.getLong("uid"),
                row.getInteger("flags"),
                List.of(row.getArrayOfStrings("keywords")),
                row.getLong("modseq"),
                InternalDates.inZone(row.getOffsetDateTime("internal_date"), row.getInteger("internal_zone")),
                row.getInteger("size"),
                row.getInteger("prefix_length"),
                fields.contains(MetadataField.ENVELOPE) ? row.getString("envelope") : null,
                fields.contains(MetadataField.BODY_STRUCTURE) ? row.getString("body_structure") : null,
                fields.contains(MetadataField.BODY) ? row.getString("body_basic") : null,
                fields.contains(MetadataField.HEADER_SIZE) ? row.getInteger("header_size") : null,
                fields.contains(MetadataField.PARTS) ? row.getString("parts") : null,
                fields.contains(MetadataField.HEADER) ? row.getBuffer("header").getBytes() : null,
                content == Content.NONE ? null : new StoredContent(row.getLong("body_id"),
                        row.getBuffer("content_prefix").getBytes(), row.getInteger("body_size"),
                        row.getInteger("body_header_size"), content == Content.PARTS ? row.getString("content_parts") : null));
    }
}
