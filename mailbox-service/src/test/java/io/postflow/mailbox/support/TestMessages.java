package io.postflow.mailbox.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Puts messages into a mailbox straight in SQL, the way the store keeps them: a single-instance
 * body with its reference count, the next UID and a new MODSEQ, the mailbox counters and the
 * account's usage, all in one statement.
 */
public final class TestMessages {

    private static final String APPEND = """
            WITH body AS (
                INSERT INTO message_body (sha256, content, size, header_size, body_lines, envelope, body_structure,
                                          body_basic, parts, header_text, body_text, ref_count)
                VALUES (sha256($2::bytea), $2::bytea, length($2::bytea), length($2::bytea), 0, 'NIL', 'NIL', 'NIL', '[]', '', '', 1)
                ON CONFLICT (sha256) DO UPDATE
                   SET ref_count = message_body.ref_count + 1, unreferenced_since = NULL
                RETURNING id),
            box AS (
                UPDATE mailbox SET uidnext = uidnext + 1, highestmodseq = highestmodseq + 1,
                       message_count = message_count + 1,
                       unseen_count = unseen_count + CASE WHEN $3::int & 1 = 0 THEN 1 ELSE 0 END,
                       size_bytes = size_bytes + length($2::bytea)
                 WHERE id = $1
                RETURNING uidnext - 1 AS uid, highestmodseq, account_id),
            usage AS (
                UPDATE account SET used_bytes = used_bytes + length($2::bytea) WHERE id = (SELECT account_id FROM box))
            INSERT INTO mailbox_message (mailbox_id, uid, body_id, prefix, size, flags, keywords, modseq, internal_date)
            SELECT $1, box.uid, body.id, '\\x'::bytea, length($2::bytea), $3::smallint, $4::text[], box.highestmodseq, now()
              FROM box, body
            RETURNING uid""";

    private final Pool pool;

    public TestMessages(Pool pool) {
        this.pool = pool;
    }

    /** Appends a message with these system flag bits and keywords; answers its UID. */
    public long append(long mailboxId, String content, int flags, String... keywords) {
        return pool.preparedQuery(APPEND)
                .execute(Tuple.of(mailboxId, Buffer.buffer(content.getBytes(StandardCharsets.UTF_8)), flags,
                        keywords))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("uid");
    }

    /** A message body nobody else has. */
    public static String unique(String subject) {
        return "Subject: " + subject + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@test>\r\n\r\nbody\r\n";
    }

    /** Appends {@code count} unseen messages with distinct bodies; answers their UIDs. */
    public List<Long> appendUnseen(long mailboxId, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> append(mailboxId, unique("m" + i), 0)).toList();
    }
}
