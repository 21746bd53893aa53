package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.InternalApi.flags;
import static io.postflow.mailbox.support.InternalApi.json;
import static io.postflow.mailbox.support.InternalApi.on;
import static io.postflow.mailbox.support.MailFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.mailbox.support.MailboxEventsTopic;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXPUNGE and UID EXPUNGE: what goes, mailbox_expunged, counters, quota, body references, events. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageExpungeTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Database db;
    MailFixture account;
    long inbox;
    byte[][] messages = new byte[6][];
    MailboxEventsTopic events;

    @BeforeEach
    void fiveMessagesThreeDeleted() {
        db = new Database(pool);
        account = MailFixture.account(db, "expunge");
        inbox = account.mailbox("INBOX");
        for (int i = 1; i <= 5; i++) {
            messages[i] = message("expunge " + i, "body " + i);
            append(account.address(), inbox, messages[i], i == 3 ? new String[] {"\\Seen"} : new String[0]);
        }
        flags(account.address(), inbox, "2,3,5", "add", List.of("\\Deleted"), List.of());
        events = MailboxEventsTopic.open(bootstrap);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void uidExpungeRemovesOnlyDeletedMessagesOfTheSet() {
        long used = account.usedBytes();
        long bytes2and3 = size(2) + size(3);

        JsonPath result = expunge(Map.of("uids", "1:3"));
        long modseq = account.mailboxRow(inbox).getLong("highestmodseq");
        assertThat(result.getList("expunged", Long.class)).containsExactly(2L, 3L);
        assertThat(result.getLong("highestModseq")).isEqualTo(modseq);

        assertThat(uids()).containsExactly(1L, 4L, 5L);
        assertThat(db.query("SELECT uid, modseq FROM mailbox_expunged WHERE mailbox_id = $1 ORDER BY uid", inbox))
                .extracting(r -> r.getLong("uid") + "@" + r.getLong("modseq")).containsExactly("2@" + modseq, "3@" + modseq);
        Row box = account.mailboxRow(inbox);
        assertThat(box.getInteger("message_count")).isEqualTo(3);
        assertThat(box.getInteger("unseen_count")).isEqualTo(3);
        assertThat(box.getLong("size_bytes")).isEqualTo(size(1) + size(4) + size(5));
        assertThat(account.usedBytes()).isEqualTo(used - bytes2and3);
        Row body = body(messages[2]);
        assertThat(body.getInteger("ref_count")).isZero();
        assertThat(body.getOffsetDateTime("unreferenced_since")).isNotNull(); // swept later, not now
        MailboxEvent event = events.awaitEvent(inbox, MailboxEvent.Type.EXPUNGE);
        assertThat(event.uids()).containsExactly(2L, 3L);
        assertThat(event.modseq()).isEqualTo(modseq);
    }

    @Test
    void expungeWithoutASetRemovesEveryDeletedMessage() {
        assertThat(expunge(Map.of()).getList("expunged", Long.class)).containsExactly(2L, 3L, 5L);
        assertThat(uids()).containsExactly(1L, 4L);

        long modseq = account.mailboxRow(inbox).getLong("highestmodseq");
        JsonPath nothing = on(account.address(), inbox).contentType("application/json").post(MAILBOX + "/expunge").then()
                .statusCode(200).extract().jsonPath();
        assertThat(nothing.getList("expunged")).isEmpty();
        assertThat(nothing.getLong("highestModseq")).isEqualTo(modseq);
        assertThat(account.mailboxRow(inbox).getLong("highestmodseq")).isEqualTo(modseq);
    }

    @Test
    void aBodyStillReferencedElsewhereKeepsItsCount() {
        append(account.address(), account.mailbox("Archive"), messages[5]);
        expunge(Map.of("uids", "5"));

        Row body = body(messages[5]);
        assertThat(body.getInteger("ref_count")).isEqualTo(1);
        assertThat(body.getOffsetDateTime("unreferenced_since")).isNull();
    }

    @Test
    void refusesUnknownMailboxesAndMalformedRequests() {
        json(account.address(), 999_999_999L, Map.of()).post(MAILBOX + "/expunge").then().statusCode(404)
                .body("error", is("nonexistent"));
        json(account.address(), inbox, Map.of("uids", "1:x")).post(MAILBOX + "/expunge").then().statusCode(400);
        json(account.address(), inbox, Map.of("uid", "1")).post(MAILBOX + "/expunge").then().statusCode(400)
                .body("error", is("invalid_request"));
        io.restassured.RestAssured.given().pathParam("address", account.address()).pathParam("id", inbox)
                .contentType("application/json").body(Map.of()).post(MAILBOX + "/expunge").then().statusCode(401);
        assertThat(uids()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private JsonPath expunge(Map<String, Object> body) {
        return json(account.address(), inbox, body).post(MAILBOX + "/expunge").then().statusCode(200).extract().jsonPath();
    }

    private List<Long> uids() {
        return on(account.address(), inbox).queryParam("uids", "1:*").get(MAILBOX + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("messages.uid", Long.class);
    }

    private long size(int i) {
        return messages[i].length;
    }

    private Row body(byte[] message) {
        return db.single("SELECT ref_count, unreferenced_since FROM message_body WHERE sha256 = sha256($1)", Buffer.buffer(message));
    }
}
