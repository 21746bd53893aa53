package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.InternalApi.json;
import static io.postflow.mailbox.support.InternalApi.on;
import static io.postflow.mailbox.support.MailFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.delivery.LocalDelivery;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.Deliveries;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.mailbox.support.MailboxEventsTopic;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY and MOVE: COPYUID mappings, counters, shared bodies, quota, MOVE's expunge, refusals. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageCopyTest {

    @Inject
    Pool pool;

    @Inject
    LocalDelivery delivery;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Database db;
    MailFixture account;
    long inbox;
    long archive;
    long trash;
    MailboxEventsTopic events;

    @BeforeEach
    void fourMessages() {
        db = new Database(pool);
        account = MailFixture.account(db, "copy");
        inbox = account.mailbox("INBOX");
        archive = account.mailbox("Archive");
        trash = account.mailbox("Trash");
        Deliveries.deliver(delivery, account.address(), message("delivered", "with a trace prefix"));
        append(account.address(), inbox, message("two", "b"), "\\Seen");
        append(account.address(), inbox, message("three", "c"), "\\Flagged", "$Label1");
        append(account.address(), inbox, message("four", "d"), "\\Seen", "\\Answered");
        events = MailboxEventsTopic.open(bootstrap);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void copiesGetNewUidsAndKeepFlagsKeywordsDatesPrefixAndBody() {
        long usedBefore = account.usedBytes();
        long archiveModseq = account.mailboxRow(archive).getLong("highestmodseq");

        JsonPath copied = copy(Map.of("uids", "1:3", "target", archive));
        assertThat(copied.getLong("uidValidity")).isEqualTo(account.mailboxRow(archive).getLong("uidvalidity"));
        assertThat(copied.getList("mapping")).isEqualTo(List.of(List.of(1, 1), List.of(2, 2), List.of(3, 3)));
        assertThat(copied.getMap("$")).doesNotContainKeys("expunged", "highestModseq");

        List<Row> originals = entries(inbox, "1:3");
        List<Row> copies = entries(archive, "1:3");
        for (int i = 0; i < 3; i++) {
            assertThat(copies.get(i).getInteger("flags")).isEqualTo(originals.get(i).getInteger("flags"));
            assertThat(copies.get(i).getArrayOfStrings("keywords")).isEqualTo(originals.get(i).getArrayOfStrings("keywords"));
            assertThat(copies.get(i).getOffsetDateTime("internal_date")).isEqualTo(originals.get(i).getOffsetDateTime("internal_date"));
            assertThat(copies.get(i).getLong("body_id")).isEqualTo(originals.get(i).getLong("body_id"));
            assertThat(copies.get(i).getLong("modseq")).isEqualTo(archiveModseq + 1);
        }
        assertThat(content(archive, 1)).isEqualTo(content(inbox, 1)); // the delivered one, prefix included
        assertThat(db.single("SELECT ref_count FROM message_body WHERE id = $1", originals.get(0).getLong("body_id"))
                .getInteger("ref_count")).isEqualTo(2);
        long copiedBytes = originals.stream().mapToLong(r -> r.getInteger("size")).sum();
        assertThat(account.usedBytes()).isEqualTo(usedBefore + copiedBytes);
        Row box = account.mailboxRow(archive);
        assertThat(box.getInteger("message_count")).isEqualTo(3);
        assertThat(box.getInteger("unseen_count")).isEqualTo(2); // 1 (delivered) and 3 have no \Seen
        assertThat(box.getLong("size_bytes")).isEqualTo(copiedBytes);
        assertThat(box.getLong("uidnext")).isEqualTo(4);
        assertThat(box.getLong("highestmodseq")).isEqualTo(archiveModseq + 1);
        assertThat(account.mailboxRow(inbox).getInteger("message_count")).isEqualTo(4);

        JsonPath again = copy(Map.of("uids", "4,2", "target", archive));
        assertThat(again.getList("mapping")).isEqualTo(List.of(List.of(2, 4), List.of(4, 5)));
        MailboxEvent exists = events.awaitEvent(archive, MailboxEvent.Type.EXISTS);
        assertThat(exists.uids()).containsExactly(4L, 5L);
        assertThat(exists.uidNext()).isEqualTo(6);
    }

    @Test
    void moveRemovesTheOriginalsInTheSameTransactionAndCostsNoQuota() {
        long used = account.usedBytes();
        long bodyOf3 = entries(inbox, "3").get(0).getLong("body_id");

        JsonPath moved = copy(Map.of("uids", "3,1", "target", trash, "move", true));
        assertThat(moved.getList("mapping")).isEqualTo(List.of(List.of(1, 1), List.of(3, 2)));
        assertThat(moved.getList("expunged", Long.class)).containsExactly(1L, 3L);
        long inboxModseq = account.mailboxRow(inbox).getLong("highestmodseq");
        assertThat(moved.getLong("highestModseq")).isEqualTo(inboxModseq);

        assertThat(entries(inbox, "1:*")).extracting(r -> r.getLong("uid")).containsExactly(2L, 4L);
        assertThat(db.query("SELECT uid, modseq FROM mailbox_expunged WHERE mailbox_id = $1 ORDER BY uid", inbox))
                .extracting(r -> r.getLong("uid") + "@" + r.getLong("modseq"))
                .containsExactly("1@" + inboxModseq, "3@" + inboxModseq);
        assertThat(account.usedBytes()).isEqualTo(used);
        assertThat(db.single("SELECT ref_count FROM message_body WHERE id = $1", bodyOf3).getInteger("ref_count")).isEqualTo(1);
        assertCountersMatchRows(inbox);
        assertCountersMatchRows(trash);
        assertThat(account.mailboxRow(inbox).getInteger("unseen_count")).isEqualTo(0);
        assertThat(events.awaitEvent(inbox, MailboxEvent.Type.EXPUNGE).uids()).containsExactly(1L, 3L);
        assertThat(events.awaitEvent(trash, MailboxEvent.Type.EXISTS).uids()).containsExactly(1L, 2L);
    }

    @Test
    void copyIntoTheSameMailboxAndSetsThatMatchNothing() {
        JsonPath same = copy(Map.of("uids", "2", "target", inbox));
        assertThat(same.getList("mapping")).isEqualTo(List.of(List.of(2, 5)));
        assertCountersMatchRows(inbox);
        JsonPath sameMoved = copy(Map.of("uids", "3", "target", inbox, "move", true));
        assertThat(sameMoved.getList("mapping")).isEqualTo(List.of(List.of(3, 6)));
        assertThat(sameMoved.getList("expunged", Long.class)).containsExactly(3L);
        assertThat(entries(inbox, "1:*")).extracting(r -> r.getLong("uid")).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertCountersMatchRows(inbox);

        long modseq = account.mailboxRow(archive).getLong("highestmodseq");
        JsonPath nothing = copy(Map.of("uids", "40:50", "target", archive));
        assertThat(nothing.getList("mapping")).isEmpty();
        assertThat(account.mailboxRow(archive).getLong("highestmodseq")).isEqualTo(modseq);
        JsonPath nothingMoved = copy(Map.of("uids", "40:50", "target", archive, "move", true));
        assertThat(nothingMoved.getList("expunged")).isEmpty();
    }

    @Test
    void aCopyOverQuotaIsRefusedWhileAMoveStillWorks() {
        admin().body(Map.of("quotaBytes", account.usedBytes() + 10)).patch("/api/v1/accounts/" + segment(account.address()))
                .then().statusCode(204);
        json(account.address(), inbox, Map.of("uids", "1:*", "target", archive)).post(MAILBOX + "/copy").then()
                .statusCode(422).body("error", is("over_quota"));
        assertThat(account.mailboxRow(archive).getInteger("message_count")).isZero();

        copy(Map.of("uids", "1:*", "target", archive, "move", true));
        assertThat(account.mailboxRow(archive).getInteger("message_count")).isEqualTo(4);
        assertThat(account.mailboxRow(inbox).getInteger("message_count")).isZero();
    }

    @Test
    void refusesMissingOrForeignTargetsAndMalformedRequests() {
        MailFixture other = MailFixture.account(db, "copy-other");
        json(account.address(), inbox, Map.of("uids", "1", "target", other.mailbox("INBOX"))).post(MAILBOX + "/copy").then()
                .statusCode(404).body("error", is("nonexistent")).body("detail", containsString("target"));
        json(account.address(), inbox, Map.of("uids", "1", "target", 999_999_999L)).post(MAILBOX + "/copy").then()
                .statusCode(404).body("error", is("nonexistent"));
        json(account.address(), other.mailbox("INBOX"), Map.of("uids", "1", "target", archive)).post(MAILBOX + "/copy")
                .then().statusCode(404).body("error", is("nonexistent"));
        json(account.address(), inbox, Map.of("uids", "1")).post(MAILBOX + "/copy").then().statusCode(400)
                .body("detail", containsString("target"));
        json(account.address(), inbox, Map.of("uids", "x", "target", archive)).post(MAILBOX + "/copy").then().statusCode(400);
        json(account.address(), inbox, Map.of("uids", "1", "target", archive, "mvoe", true)).post(MAILBOX + "/copy").then()
                .statusCode(400).body("detail", containsString("mvoe"));
        assertThat(account.mailboxRow(inbox).getInteger("message_count")).isEqualTo(4);
        assertThat(account.mailboxRow(archive).getInteger("message_count")).isZero();
    }

    private JsonPath copy(Map<String, Object> body) {
        return json(account.address(), inbox, body).post(MAILBOX + "/copy").then().statusCode(200).extract().jsonPath();
    }

    private List<Row> entries(long mailbox, String uids) {
        return on(account.address(), mailbox).queryParam("uids", uids).get(MAILBOX + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("messages.uid", Long.class).stream()
                .map(uid -> db.single("SELECT * FROM mailbox_message WHERE mailbox_id = $1 AND uid = $2", mailbox, uid))
                .toList();
    }

    private byte[] content(long mailbox, long uid) {
        return on(account.address(), mailbox).get(MAILBOX + "/messages/" + uid + "/content").then().statusCode(200)
                .extract().asByteArray();
    }

    private void assertCountersMatchRows(long mailbox) {
        Row counted = db.single("SELECT count(*) AS n, count(*) FILTER (WHERE flags & 1 = 0) AS unseen,"
                + " coalesce(sum(size), 0) AS bytes, coalesce(max(uid), 0) AS top FROM mailbox_message WHERE mailbox_id = $1", mailbox);
        Row box = account.mailboxRow(mailbox);
        assertThat(box.getInteger("message_count")).isEqualTo(counted.getLong("n").intValue());
        assertThat(box.getInteger("unseen_count")).isEqualTo(counted.getLong("unseen").intValue());
        assertThat(box.getLong("size_bytes")).isEqualTo(counted.getLong("bytes"));
        assertThat(box.getLong("uidnext")).isGreaterThan(counted.getLong("top"));
    }
}
