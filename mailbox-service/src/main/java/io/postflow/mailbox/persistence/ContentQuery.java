package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.domain.mail.StoredContent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;

/**
 * Reads message bytes by slices. Bodies are stored uncompressed out of line (STORAGE EXTERNAL), so
 * {@code substring()} of the bytea reads only the TOAST chunks of its slice; a large range is read
 * one chunk after the other as the HTTP response takes them, never whole into the heap.
 */
@ApplicationScoped
public class ContentQuery {

    /** Octets read per statement. */
    static final int CHUNK = 1024 * 1024;

    private static final String LOCATE = """
            SELECT e.body_id, e.prefix, b.size, b.header_size, CASE WHEN $4 THEN %s END AS parts
              FROM mailbox m JOIN account a ON a.id = m.account_id
              JOIN mailbox_message e ON e.mailbox_id = m.id AND e.uid = $3
              JOIN message_body b ON b.id = e.body_id
             WHERE m.id = $1 AND a.address = $2""".formatted(PartsColumn.TEXT);
    private static final String SLICE =
            "SELECT substring(content FROM $2::int FOR $3::int) AS slice FROM message_body WHERE id = $1";

    private final Pool pool;

    public ContentQuery(Pool pool) {
        this.pool = pool;
    }

    /** The entry's prefix and body geometry; NONEXISTENT when the mailbox or the UID is not there. */
    public Uni<StoredContent> locate(String accountKey, long mailboxId, long uid, boolean withParts) {
        return pool.preparedQuery(LOCATE).execute(Tuple.of(mailboxId, accountKey, uid, withParts)).map(rows -> {
            if (rows.size() == 0) {
                throw new MailRejection(MailRejection.Code.NONEXISTENT, "no such message");
            }
            Row row = rows.iterator().next();
            return new StoredContent(row.getLong("body_id"), row.getBuffer("prefix").getBytes(), row.getInteger("size"),
                    row.getInteger("header_size"), row.getString("parts"));
        });
    }

    /**
     * Octets {@code [from, from + length)} of a stored body, as a stream of chunks read one at a
     * time on demand. A body stays readable after its entry is expunged until the sweeper's grace
     * period has passed (RFC 2180 §4.1), so a stream that started always completes.
     */
    public Multi<Buffer> read(long bodyId, long from, long length) {
        int chunks = (int) ((length + CHUNK - 1) / CHUNK);
        return Multi.createFrom().range(0, chunks)
                .onItem().transformToUniAndConcatenate(i -> {
                    long start = from + (long) i * CHUNK;
                    long size = Math.min(CHUNK, from + length - start);
                    // substring() counts from 1; a body is at most the SIZE limit, far below 2^31.
                    return pool.preparedQuery(SLICE).execute(Tuple.of(bodyId, (int) start + 1, (int) size))
                            .map(rows -> slice(rows.iterator(), bodyId));
                });
    }

    private static Buffer slice(Iterator<Row> rows, long bodyId) {
        if (!rows.hasNext()) {
            throw new IllegalStateException("message body " + bodyId + " disappeared while being read");
        }
        return rows.next().getBuffer("slice").getDelegate();
    }
}
