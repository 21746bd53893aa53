package io.postflow.mailbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unreferenced bodies are deleted only after the grace period, never while referenced. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BodySweeperTest {

    @Inject
    Pool pool;

    @Inject
    BodySweeper sweeper;

    @Test
    void sweepsOnlyBodiesPastTheirGracePeriod() {
        long old = body(0, "2 hours");
        long recent = body(0, "10 minutes");
        long referenced = body(3, null);

        long swept = sweeper.sweep().await().atMost(Duration.ofSeconds(10));

        assertThat(swept).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(referenced)).isTrue();
    }

    private long body(int refCount, String unreferencedFor) {
        byte[] content = ("Subject: " + UUID.randomUUID() + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII);
        String since = unreferencedFor == null ? "NULL" : "now() - interval '" + unreferencedFor + "'";
        return pool.preparedQuery("INSERT INTO message_body (sha256, content, size, header_size, body_lines, envelope, "
                        + "body_structure, body_basic, parts, header_text, body_text, ref_count, unreferenced_since) "
                        + "VALUES (sha256($1), $1, $2, $2, 0, 'NIL', 'NIL', 'NIL', '[]', '', '', $3, " + since + ") RETURNING id")
                .execute(Tuple.of(Buffer.buffer(content), content.length, refCount))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
    }

    private boolean exists(long id) {
        return pool.preparedQuery("SELECT 1 FROM message_body WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).size() == 1;
    }
}
