package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.create;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting a mailbox releases its message bodies and the account's usage, in one transaction. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMailboxDeleteTest {

    @Inject
    Pool pool;

    Database db;
    TestMessages messages;
    String address;

    @BeforeEach
    void account() {
        db = new Database(pool);
        messages = new TestMessages(pool);
        String domain = uniqueDomain("delete");
        createDomain(domain);
        address = "frank@" + domain;
        createAccount(address);
    }

    @Test
    void releasesBodiesAndUsage() {
        long doomed = create(address, "Doomed").getLong("id");
        long kept = mailboxId(address, "INBOX");
        String shared = TestMessages.unique("shared");
        String only = TestMessages.unique("only here");
        messages.append(doomed, shared, 0);
        messages.append(doomed, only, 1, "$Important");
        messages.append(kept, shared, 0);
        long usedBefore = usedBytes();
        assertThat(usedBefore).isEqualTo(2L * bytes(shared) + bytes(only));
        assertThat(body(shared).getInteger("ref_count")).isEqualTo(2);

        internal().delete(mailbox(address, doomed)).then().statusCode(204);

        Row sharedBody = body(shared);
        assertThat(sharedBody.getInteger("ref_count")).isEqualTo(1);
        assertThat(sharedBody.getValue("unreferenced_since")).isNull();
        Row onlyBody = body(only);
        assertThat(onlyBody.getInteger("ref_count")).isZero();
        assertThat(onlyBody.getValue("unreferenced_since")).as("stamped for the sweeper, not deleted").isNotNull();
        assertThat(usedBytes()).isEqualTo(bytes(shared));
        assertThat(db.count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", doomed)).isZero();
        assertThat(db.count("SELECT count(*) FROM mailbox_expunged WHERE mailbox_id = $1", doomed)).isZero();
        assertThat(db.count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", kept)).isEqualTo(1);
    }

    @Test
    void aRefusedDeleteChangesNothing() {
        long inbox = mailboxId(address, "INBOX");
        String content = TestMessages.unique("stays");
        messages.append(inbox, content, 0);

        internal().delete(mailbox(address, inbox)).then().statusCode(409);

        assertThat(body(content).getInteger("ref_count")).isEqualTo(1);
        assertThat(usedBytes()).isEqualTo(bytes(content));
    }

    private Row body(String content) {
        return db.single("SELECT ref_count, unreferenced_since FROM message_body WHERE sha256 = sha256($1)",
                Buffer.buffer(content.getBytes(StandardCharsets.UTF_8)));
    }

    private long usedBytes() {
        return db.count("SELECT used_bytes FROM account WHERE address = $1", address);
    }

    private static long bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }
}
