package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.InternalApi.on;
import static io.postflow.mailbox.support.MailFixture.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** APPEND: APPENDUID answers, flags and internal date, counters, quota, limits and refusals. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageAppendTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Database db;
    MailFixture account;
    long inbox;
    MailboxEventsTopic events;

    @BeforeEach
    void setUp() {
        db = new Database(pool);
        account = MailFixture.account(db, "append");
        inbox = account.mailbox("INBOX");
        events = MailboxEventsTopic.open(bootstrap);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void answersAppendUidDataAndStoresTheMessageAsSentWithoutPrefix() {
        byte[] raw = message("first", "hello");
        long uidValidity = account.mailboxRow(inbox).getLong("uidvalidity");

        on(account.address(), inbox).contentType("message/rfc822").body(raw).post(MAILBOX + "/messages").then()
                .statusCode(201)
                .body("uidValidity", is((int) uidValidity))
                .body("uid", is(1));
        long second = append(account.address(), inbox, message("second", "again"));

        assertThat(second).isEqualTo(2);
        byte[] served = on(account.address(), inbox).get(MAILBOX + "/messages/1/content").then().statusCode(200)
                .extract().asByteArray();
        assertThat(served).isEqualTo(raw);
        Row row = db.single("SELECT prefix, size, modseq FROM mailbox_message WHERE mailbox_id = $1 AND uid = 1", inbox);
        assertThat(row.getBuffer("prefix").length()).isZero();
        assertThat(row.getInteger("size")).isEqualTo(raw.length);
        MailboxEvent event = events.awaitEvent(inbox, MailboxEvent.Type.EXISTS);
        assertThat(event.uids()).containsExactly(2L);
        assertThat(event.uidNext()).isEqualTo(3);
        assertThat(event.account()).isEqualTo(account.address());
    }

    @Test
    void keepsFlagsKeywordsAndTheInternalDateAndCountsOnlyUnseenMessages() {
        long seen = append(account.address(), inbox, message("seen", "x"), "\\Seen", "\\flagged", "$Forwarded");
        on(account.address(), inbox).contentType("application/octet-stream").body(message("dated", "y"))
                .queryParam("internalDate", " 7-Feb-1994 21:52:25 -0800")
                .post(MAILBOX + "/messages").then().statusCode(201);
        on(account.address(), inbox).contentType("message/rfc822").body(message("iso", "z"))
                .queryParam("internalDate", "2024-03-01T12:00:00+02:00")
                .post(MAILBOX + "/messages").then().statusCode(201);

        JsonPath page = on(account.address(), inbox).queryParam("uids", "1:*").get(MAILBOX + "/messages").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("messages[0].flags")).containsExactly("\\Seen", "\\Flagged");
        assertThat(page.getList("messages[0].keywords")).containsExactly("$Forwarded");
        assertThat(page.getList("messages[1].flags")).isEmpty();
        assertThat(OffsetDateTime.parse(page.getString("messages[1].internalDate")).toInstant())
                .isEqualTo(OffsetDateTime.parse("1994-02-07T21:52:25-08:00").toInstant());
        assertThat(OffsetDateTime.parse(page.getString("messages[2].internalDate")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z").toInstant());
        assertThat(seen).isEqualTo(1);

        Row mailbox = account.mailboxRow(inbox);
        assertThat(mailbox.getInteger("message_count")).isEqualTo(3);
        assertThat(mailbox.getInteger("unseen_count")).isEqualTo(2);
        assertThat(mailbox.getLong("uidnext")).isEqualTo(4);
        assertThat(mailbox.getLong("highestmodseq")).isEqualTo(4); // 1 at creation, one per APPEND
        long bytes = db.single("SELECT sum(size) AS s FROM mailbox_message WHERE mailbox_id = $1", inbox).getLong("s");
        assertThat(mailbox.getLong("size_bytes")).isEqualTo(bytes);
        assertThat(account.usedBytes()).isEqualTo(bytes);
    }

    @Test
    void storesTheSameContentOnce() {
        byte[] raw = message("twice", "same bytes");
        append(account.address(), inbox, raw);
        append(account.address(), account.mailbox("Drafts"), raw);

        Row body = db.single("SELECT count(*) AS n, max(ref_count) AS refs FROM message_body WHERE sha256 = sha256($1)",
                io.vertx.core.buffer.Buffer.buffer(raw));
        assertThat(body.getLong("n")).isEqualTo(1);
        assertThat(body.getInteger("refs")).isEqualTo(2);
    }

    @Test
    void refusesWhatWouldExceedTheQuota() {
        byte[] raw = message("big", "x".repeat(500));
        admin().body(Map.of("quotaBytes", raw.length + 10)).patch("/api/v1/accounts/" + segment(account.address()))
                .then().statusCode(204);
        append(account.address(), inbox, raw);

        on(account.address(), inbox).contentType("message/rfc822").body(message("more", "y")).post(MAILBOX + "/messages")
                .then().statusCode(422).body("error", is("over_quota"));
        assertThat(account.mailboxRow(inbox).getInteger("message_count")).isEqualTo(1);
        assertThat(account.usedBytes()).isEqualTo(raw.length);
    }

    @Test
    void refusesEmptyAndOversizedMessages() {
        on(account.address(), inbox).contentType("message/rfc822").body(new byte[0]).post(MAILBOX + "/messages")
                .then().statusCode(400).body("error", is("invalid_request"));
        byte[] huge = new byte[26214401];
        Arrays.fill(huge, (byte) 'a');
        HttpResponse<byte[]> tooLarge = InternalApi.raw("POST", account.address(), inbox, "/messages", huge, "message/rfc822");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(new String(tooLarge.body(), StandardCharsets.UTF_8)).contains("\"invalid_request\"", "26214400");
        assertThat(account.mailboxRow(inbox).getLong("uidnext")).isEqualTo(1);
    }

    @Test
    void refusesInvalidFlagsKeywordsAndDates() {
        byte[] raw = message("bad", "x");
        on(account.address(), inbox).contentType("message/rfc822").body(raw).queryParam("flags", "\\Recent")
                .post(MAILBOX + "/messages").then().statusCode(400).body("detail", containsString("\\Recent"));
        on(account.address(), inbox).contentType("message/rfc822").body(raw).queryParam("keywords", "two words")
                .post(MAILBOX + "/messages").then().statusCode(400).body("error", is("invalid_request"));
        on(account.address(), inbox).contentType("message/rfc822").body(raw).queryParam("internalDate", "31-Foo-2024 10:00:00 +0000")
                .post(MAILBOX + "/messages").then().statusCode(400).body("detail", containsString("internal date"));
        on(account.address(), inbox).contentType("text/plain").body(raw).post(MAILBOX + "/messages").then().statusCode(415);
        assertThat(account.mailboxRow(inbox).getLong("uidnext")).isEqualTo(1);
    }

    @Test
    void refusesMailboxesTheAccountDoesNotOwnAndCallersWithoutTheToken() {
        MailFixture other = MailFixture.account(db, "append-other");
        byte[] raw = message("lost", "x");
        on(account.address(), other.mailbox("INBOX")).contentType("message/rfc822").body(raw).post(MAILBOX + "/messages")
                .then().statusCode(404).body("error", is("nonexistent"));
        on(account.address(), 999_999_999L).contentType("message/rfc822").body(raw).post(MAILBOX + "/messages")
                .then().statusCode(404).body("error", is("nonexistent"));
        given().pathParam("address", account.address()).pathParam("id", inbox).contentType("message/rfc822").body(raw)
                .post(MAILBOX + "/messages").then().statusCode(401);
        given().header("Authorization", "Bearer test-admin-token-0123456789abcdef")
                .pathParam("address", account.address()).pathParam("id", inbox).contentType("message/rfc822").body(raw)
                .post(MAILBOX + "/messages").then().statusCode(401);
        on(account.address(), inbox).queryParam("uids", "1:*").get(MAILBOX + "/messages").then()
                .statusCode(200).body("messages", empty());
    }
}
