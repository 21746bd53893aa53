package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.InternalApi.on;
import static io.postflow.mailbox.support.MailFixture.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.InternalApi;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FETCH metadata for UID sets: set syntax, paging, optional items, CHANGEDSINCE and refusals. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageMetadataTest {

    @Inject
    Pool pool;

    Database db;
    MailFixture account;
    long inbox;

    @BeforeEach
    void twelveMessages() {
        db = new Database(pool);
        account = MailFixture.account(db, "metadata");
        inbox = account.mailbox("INBOX");
        for (int i = 1; i <= 12; i++) {
            append(account.address(), inbox, message("message " + i, "body " + i));
        }
    }

    @Test
    void selectsUidSetsInImapSyntax() {
        assertThat(uids("1:*")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(uids("3,5:7")).containsExactly(3L, 5L, 6L, 7L);
        assertThat(uids("7:4")).containsExactly(4L, 5L, 6L, 7L);
        assertThat(uids("*")).containsExactly(12L);
        assertThat(uids("20:*")).containsExactly(12L); // RFC 3501 §6.4.8: n:* always includes the last message
        assertThat(uids("2,11:*,5:6,6:5")).containsExactly(2L, 5L, 6L, 11L, 12L);
        assertThat(uids("13:20")).isEmpty();
        assertThat(uids("100")).isEmpty();
    }

    @Test
    void pagesInUidOrderUntilNextIsNull() {
        List<Long> seen = new ArrayList<>();
        Long after = 0L;
        int pages = 0;
        while (after != null) {
            JsonPath page = on(account.address(), inbox).queryParam("uids", "2:*").queryParam("limit", 5)
                    .queryParam("afterUid", after).get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath();
            List<Long> uids = page.getList("messages.uid", Long.class);
            assertThat(uids).hasSizeLessThanOrEqualTo(5);
            seen.addAll(uids);
            after = page.getObject("next", Long.class);
            if (after != null) {
                assertThat(after).isEqualTo(uids.get(uids.size() - 1));
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        on(account.address(), inbox).queryParam("uids", "1:*").queryParam("limit", 12).get(MAILBOX + "/messages").then()
                .statusCode(200).body("messages.size()", is(12)).body("next", is((Object) null));
    }

    @Test
    void everyItemHasTheBasicsAndOnlyTheOptionalItemsAskedFor() {
        Map<String, Object> plain = on(account.address(), inbox).queryParam("uids", "3").get(MAILBOX + "/messages").then()
                .statusCode(200).extract().jsonPath().getMap("messages[0]");
        assertThat(plain).containsOnlyKeys("uid", "flags", "keywords", "modseq", "internalDate", "size");
        Row entry = db.single("SELECT e.size, e.modseq, e.internal_date, b.envelope, b.body_structure, b.body_basic, b.header_size"
                + " FROM mailbox_message e JOIN message_body b ON b.id = e.body_id WHERE e.mailbox_id = $1 AND e.uid = 3", inbox);
        assertThat(plain.get("size")).isEqualTo(entry.getInteger("size"));
        assertThat(((Number) plain.get("modseq")).longValue()).isEqualTo(entry.getLong("modseq"));
        assertThat(OffsetDateTime.parse((String) plain.get("internalDate")).toInstant())
                .isEqualTo(entry.getOffsetDateTime("internal_date").toInstant());

        Map<String, Object> full = on(account.address(), inbox).queryParam("uids", "3")
                .queryParam("fields", "envelope,bodyStructure,body,headerSize,parts,header")
                .get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath().getMap("messages[0]");
        assertThat(full.get("envelope")).isEqualTo(entry.getString("envelope"));
        assertThat(full.get("bodyStructure")).isEqualTo(entry.getString("body_structure"));
        assertThat(full.get("body")).isEqualTo(entry.getString("body_basic"));
        assertThat(full.get("headerSize")).isEqualTo(entry.getInteger("header_size")); // no prefix for APPEND
        assertThat((String) full.get("envelope")).contains("\"message 3\"");
        assertThat(full.get("parts")).isInstanceOf(List.class);
        String header = new String(java.util.Base64.getDecoder().decode((String) full.get("header")), StandardCharsets.UTF_8);
        assertThat(header).startsWith("From: Alice").contains("Subject: message 3\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void changedSinceSelectsOnlyMessagesChangedAfterThatModseq() {
        long before = account.mailboxRow(inbox).getLong("highestmodseq");
        InternalApi.flags(account.address(), inbox, "4,9", "add", List.of("\\Flagged"), List.of());

        JsonPath page = on(account.address(), inbox).queryParam("uids", "1:*").queryParam("changedSince", before)
                .get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("messages.uid", Long.class)).containsExactly(4L, 9L);
        assertThat(page.getList("messages.modseq", Long.class)).containsOnly(before + 1);
        assertThat(page.getList("messages[0].flags")).containsExactly("\\Flagged");
    }

    @Test
    void endsAPageEarlyWhenTheHeadersWouldGrowTooLarge() {
        MailFixture big = MailFixture.account(db, "metadata-big");
        long mailbox = big.mailbox("INBOX");
        String filler = "x".repeat(1024 * 1024);
        for (int i = 0; i < 3; i++) {
            InternalApi.raw("POST", big.address(), mailbox, "/messages",
                    ("X-Filler: " + filler + "\r\nSubject: big " + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII),
                    "message/rfc822");
        }
        JsonPath first = on(big.address(), mailbox).queryParam("uids", "1:*").queryParam("fields", "header")
                .get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("messages.uid", Long.class)).containsExactly(1L, 2L);
        assertThat(first.getLong("next")).isEqualTo(2);
        JsonPath second = on(big.address(), mailbox).queryParam("uids", "1:*").queryParam("fields", "header")
                .queryParam("afterUid", 2).get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("messages.uid", Long.class)).containsExactly(3L);
        assertThat(second.getObject("next", Long.class)).isNull();
    }

    @Test
    void refusesBadRequestsUnknownMailboxesAndCallersWithoutTheToken() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of(), Map.<String, Object>of("uids", "0"),
                Map.<String, Object>of("uids", "1:*", "fields", "envelope,flags"), Map.<String, Object>of("uids", "1:*", "limit", 0),
                Map.<String, Object>of("uids", "1:*", "limit", 5001), Map.<String, Object>of("uids", "1:*", "afterUid", -1),
                Map.<String, Object>of("uids", "1:*", "changedSince", -2))) {
            on(account.address(), inbox).queryParams(bad).get(MAILBOX + "/messages").then().statusCode(400)
                    .body("error", is("invalid_request"));
        }
        on(account.address(), 999_999_999L).queryParam("uids", "1:*").get(MAILBOX + "/messages").then().statusCode(404)
                .body("error", is("nonexistent"));
        MailFixture other = MailFixture.account(db, "metadata-other");
        on(other.address(), inbox).queryParam("uids", "1:*").get(MAILBOX + "/messages").then().statusCode(404)
                .body("error", is("nonexistent"));
        on("not an address", inbox).queryParam("uids", "1:*").get(MAILBOX + "/messages").then().statusCode(400);
        given().pathParam("address", account.address()).pathParam("id", inbox).queryParam("uids", "1:*")
                .get(MAILBOX + "/messages").then().statusCode(401);
        MailFixture empty = MailFixture.account(db, "metadata-empty");
        on(empty.address(), empty.mailbox("Trash")).queryParam("uids", "1:*").get(MAILBOX + "/messages").then()
                .statusCode(200).body("messages.size()", is(0)).body("next", is((Object) null));
    }

    private List<Long> uids(String set) {
        return on(account.address(), inbox).queryParam("uids", set).get(MAILBOX + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("messages.uid", Long.class);
    }
}
