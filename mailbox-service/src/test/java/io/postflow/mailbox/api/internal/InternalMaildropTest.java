package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.MailFixture.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.InternalApi;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.mailbox.support.MailboxEventsTopic;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The POP3 maildrop calls against real PostgreSQL: one lease per account, expiry of a vanished
 * holder's lease, renewal, release, and QUIT removing exactly the marked UIDs with the lease.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMaildropTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Database db;
    MailFixture account;
    long inbox;
    long[] uids = new long[4];

    @BeforeEach
    void threeMessagesInInbox() {
        db = new Database(pool);
        account = MailFixture.account(db, "maildrop");
        inbox = account.mailbox("INBOX");
        for (int i = 1; i <= 3; i++) {
            uids[i] = append(account.address(), inbox, message("pop " + i, "body " + i), i == 2 ? new String[] {"\\Seen"} : new String[0]);
        }
        // Another mailbox's messages are not part of the maildrop.
        append(account.address(), account.mailbox("Archive"), message("archived", "x"));
    }

    private RequestSpecification api() {
        return given().urlEncodingEnabled(true).header("Authorization", "Bearer " + InternalApi.TOKEN)
                .contentType(ContentType.JSON).pathParam("address", account.address());
    }

    private static final String DROP = "/internal/v1/accounts/{address}/maildrop";

    private JsonPath open(long ttl) {
        return api().body(Map.of("holder", "test", "ttlMillis", ttl)).post(DROP).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void openListsTheInboxAndLocksIt() {
        JsonPath drop = open(60_000);
        assertThat(drop.getLong("mailboxId")).isEqualTo(inbox);
        assertThat(drop.getLong("uidValidity")).isEqualTo(account.mailboxRow(inbox).getLong("uidvalidity"));
        List<List<Number>> messages = drop.getList("messages");
        assertThat(messages).hasSize(3);
        long total = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(messages.get(i).get(0).longValue()).isEqualTo(uids[i + 1]);
            total += messages.get(i).get(1).longValue();
        }
        assertThat(total).isEqualTo(account.mailboxRow(inbox).getLong("size_bytes"));

        api().body(Map.of("holder", "second", "ttlMillis", 60_000)).post(DROP).then()
                .statusCode(409).body("error", is("in_use"));

        api().pathParam("lease", drop.getString("lease")).delete(DROP + "/{lease}").then().statusCode(204);
        open(60_000);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderLosesIt() throws Exception {
        String first = open(1_000).getString("lease");
        Thread.sleep(1_300);
        String second = open(60_000).getString("lease");
        assertThat(second).isNotEqualTo(first);

        api().pathParam("lease", first).body(Map.of("ttlMillis", 60_000)).post(DROP + "/{lease}/renew").then()
                .statusCode(409).body("error", is("cannot"));
        api().pathParam("lease", first).body(Map.of("mailboxId", inbox, "uids", List.of(uids[1])))
                .post(DROP + "/{lease}/quit").then().statusCode(409).body("error", is("cannot"));
        // The old holder's release does not free the new holder's lock.
        api().pathParam("lease", first).delete(DROP + "/{lease}").then().statusCode(204);
        api().body(Map.of("holder", "third", "ttlMillis", 60_000)).post(DROP).then().statusCode(409);
        assertThat(db.count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(3);
    }

    @Test
    void renewalKeepsTheLeaseAlive() throws Exception {
        String lease = open(1_000).getString("lease");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(500);
            api().pathParam("lease", lease).body(Map.of("ttlMillis", 1_000)).post(DROP + "/{lease}/renew").then().statusCode(204);
        }
        api().body(Map.of("holder", "second", "ttlMillis", 60_000)).post(DROP).then().statusCode(409);
    }

    @Test
    void quitRemovesExactlyTheMarkedMessagesAndReleases() {
        long used = account.usedBytes();
        long modseqBefore = account.mailboxRow(inbox).getLong("highestmodseq");
        String lease = open(60_000).getString("lease");
        try (MailboxEventsTopic events = MailboxEventsTopic.open(bootstrap)) {
            JsonPath result = api().pathParam("lease", lease)
                    .body(Map.of("mailboxId", inbox, "uids", List.of(uids[1], uids[2], 999_999L)))
                    .post(DROP + "/{lease}/quit").then().statusCode(200).extract().jsonPath();
            assertThat(result.getList("expunged", Long.class)).containsExactly(uids[1], uids[2]);
            MailboxEvent event = events.awaitEvent(inbox, MailboxEvent.Type.EXPUNGE);
            assertThat(event.uids()).containsExactly(uids[1], uids[2]);
        }
        assertThat(db.query("SELECT uid FROM mailbox_message WHERE mailbox_id = $1", inbox))
                .extracting(r -> r.getLong("uid")).containsExactly(uids[3]);
        assertThat(db.count("SELECT count(*) FROM mailbox_expunged WHERE mailbox_id = $1", inbox)).isEqualTo(2);
        assertThat(account.mailboxRow(inbox).getLong("highestmodseq")).isGreaterThan(modseqBefore);
        assertThat(account.mailboxRow(inbox).getInteger("message_count")).isEqualTo(1);
        assertThat(account.mailboxRow(inbox).getInteger("unseen_count")).isEqualTo(1);
        assertThat(account.usedBytes()).isLessThan(used);
        // The lease went with the deletions: the next session gets in at once.
        List<List<Number>> left = open(60_000).getList("messages");
        assertThat(left).hasSize(1);
    }

    @Test
    void refusals() {
        api().body(Map.of("holder", "x")).post(DROP).then().statusCode(400).body("error", is("invalid_request"));
        api().body(Map.of("holder", "x", "ttlMillis", 10)).post(DROP).then().statusCode(400);
        api().body(Map.of("holder", "x", "ttlMillis", 60_000, "extra", 1)).post(DROP).then().statusCode(400);
        given().header("Authorization", "Bearer " + InternalApi.TOKEN).contentType(ContentType.JSON)
                .pathParam("address", "nobody@" + account.address().substring(account.address().indexOf('@') + 1))
                .body(Map.of("holder", "x", "ttlMillis", 60_000)).post(DROP).then().statusCode(404).body("error", is("nonexistent"));
        api().pathParam("lease", "not-a-uuid").delete(DROP + "/{lease}").then().statusCode(400);
        String lease = open(60_000).getString("lease");
        api().pathParam("lease", lease).body(Map.of("mailboxId", account.mailbox("Archive") + 1_000_000, "uids", List.of(1)))
                .post(DROP + "/{lease}/quit").then().statusCode(404);
        api().pathParam("lease", lease).body(Map.of("mailboxId", inbox, "uids", List.of(0)))
                .post(DROP + "/{lease}/quit").then().statusCode(400);
        given().contentType(ContentType.JSON).pathParam("address", account.address())
                .body(Map.of("holder", "x", "ttlMillis", 60_000)).post(DROP).then().statusCode(401);
    }
}
