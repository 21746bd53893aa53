package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.json;
import static io.postflow.mailbox.support.InternalApi.on;
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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SEARCH: every kind of criterion, NOT over missing values, LIKE escaping, MODSEQ, refusals. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalSearchTest {

    @Inject
    Pool pool;

    MailFixture account;
    long inbox;

    @BeforeEach
    void fiveDifferentMessages() {
        account = MailFixture.account(new Database(pool), "search");
        inbox = account.mailbox("INBOX");
        append("From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: Quarterly report 100%\r\n"
                + "Date: Mon, 6 May 2024 10:00:00 +0000\r\nX-Priority: 3\r\n\r\nNumbers are up.\r\n", "2024-05-06T10:00:00Z",
                "\\Seen", "$Important");
        append("From: Carol <carol@other.test>\r\nTo: bob@example.test\r\nCc: Dave <dave@example.test>\r\n"
                + "Subject: lunch_plans\r\nDate: Tue, 7 May 2024 23:30:00 -0500\r\n\r\nPizza at noon, Alice?\r\n",
                "2024-05-07T12:00:00Z", "\\Flagged");
        append("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Re: Quarterly report\r\nX-Priority: 1\r\n\r\n"
                + "x".repeat(5000) + "\r\n", "2024-05-08T00:00:00Z", "\\Deleted");
        append("From: Eve <eve@example.test>\r\nTo: bob@example.test\r\nBcc: secret@example.test\r\n"
                + "Subject: =?UTF-8?B?w6lsw6h2ZQ==?=\r\nDate: Wed, 8 May 2024 09:00:00 +0000\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nGrüße aus Köln\r\n", "2024-05-09T08:00:00Z");
        append("From: Frank <frank@example.test>\r\nTo: bob@example.test\r\nSubject: lunchXplans\r\n"
                + "Date: Thu, 9 May 2024 09:00:00 +0000\r\nX-Note: priority 1 of 1000\r\n\r\n1000 items, 50% off\r\n",
                "2024-05-10T08:00:00Z");
    }

    @Test
    void flagsKeywordsUidsAndAll() {
        assertThat(search(Map.of("all", true))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(search(Map.of("uids", "2:4,*"))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(search(Map.of("flag", "\\Seen"))).containsExactly(1L);
        assertThat(search(Map.of("noFlag", "\\SEEN"))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(search(Map.of("flag", "\\Deleted"))).containsExactly(3L);
        assertThat(search(Map.of("keyword", "$Important"))).containsExactly(1L);
        assertThat(search(Map.of("noKeyword", "$Important"))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(search(Map.of("keyword", "$Other"))).isEmpty();
    }

    @Test
    void internalAndSentDatesCompareWholeDays() {
        assertThat(search(Map.of("before", "2024-05-07"))).containsExactly(1L);
        assertThat(search(Map.of("on", "2024-05-07"))).containsExactly(2L);
        assertThat(search(Map.of("since", "2024-05-08"))).containsExactly(3L, 4L, 5L);
        // Message 2 was sent at 23:30 -0500, which is 8 May in UTC; message 3 has no Date: at all.
        assertThat(search(Map.of("sentOn", "2024-05-08"))).containsExactly(2L, 4L);
        assertThat(search(Map.of("sentBefore", "2024-05-08"))).containsExactly(1L);
        assertThat(search(Map.of("sentSince", "2024-05-09"))).containsExactly(5L);
        assertThat(search(Map.of("not", Map.of("sentBefore", "2024-05-08")))).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void sizes() {
        assertThat(search(Map.of("larger", 4000))).containsExactly(3L);
        assertThat(search(Map.of("smaller", 4000))).containsExactly(1L, 2L, 4L, 5L);
        long size3 = on(account.address(), inbox).queryParam("uids", "3").get(MAILBOX + "/messages").then().extract()
                .jsonPath().getLong("messages[0].size");
        assertThat(search(Map.of("larger", size3))).isEmpty(); // strictly larger (RFC 3501 §6.4.4)
        assertThat(search(Map.of("larger", size3 - 1))).containsExactly(3L);
    }

    @Test
    void addressAndSubjectFieldsSearchDecodedText() {
        assertThat(search(header("Subject", "QUARTERLY"))).containsExactly(1L, 3L);
        assertThat(search(header("subject", "élève"))).containsExactly(4L); // RFC 2047 word decoded
        assertThat(search(header("From", "alice@example"))).containsExactly(1L, 3L);
        assertThat(search(header("FROM", "carol"))).containsExactly(2L);
        assertThat(search(header("To", "Bob <bob"))).containsExactly(1L);
        assertThat(search(header("Cc", "dave"))).containsExactly(2L);
        assertThat(search(header("Bcc", "secret"))).containsExactly(4L);
        assertThat(search(header("Cc", ""))).containsExactly(2L); // has the field
        assertThat(search(Map.of("not", header("Cc", "dave")))).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void otherHeaderFieldsMatchWithinThatFieldOnly() {
        assertThat(search(header("X-Priority", "1"))).containsExactly(3L);
        assertThat(search(header("x-priority", ""))).containsExactly(1L, 3L);
        assertThat(search(header("X-Note", "PRIORITY"))).containsExactly(5L);
        assertThat(search(header("X-Priority", "priority"))).isEmpty(); // "priority" is in X-Note, not X-Priority
        assertThat(search(header("Date", ""))).containsExactly(1L, 2L, 4L, 5L);
        assertThat(search(header("X-Missing", ""))).isEmpty();
    }

    @Test
    void bodyAndTextAreCaseInsensitiveSubstrings() {
        assertThat(search(Map.of("body", "NUMBERS"))).containsExactly(1L);
        assertThat(search(Map.of("body", "grüße aus"))).containsExactly(4L);
        assertThat(search(Map.of("body", "alice"))).containsExactly(2L);
        assertThat(search(Map.of("text", "alice"))).containsExactly(1L, 2L, 3L);
        assertThat(search(Map.of("text", "pizza"))).containsExactly(2L);
    }

    @Test
    void likeMetacharactersAreLiteral() {
        assertThat(search(header("Subject", "100%"))).containsExactly(1L);
        assertThat(search(header("Subject", "h_p"))).containsExactly(2L); // not "hXp"
        assertThat(search(Map.of("body", "50%"))).containsExactly(5L);
        assertThat(search(Map.of("body", "%"))).containsExactly(5L);
        assertThat(search(Map.of("text", "_"))).containsExactly(2L);
        assertThat(search(Map.of("text", "\\"))).isEmpty();
        assertThat(search(header("X-Note", "1 of 1000"))).containsExactly(5L);
        assertThat(search(header("X-Note", "(.*)"))).isEmpty(); // no regular expression either
    }

    @Test
    void booleanCombinations() {
        assertThat(search(Map.of("and", List.of(header("From", "alice"), Map.of("noFlag", "\\Deleted"))))).containsExactly(1L);
        assertThat(search(Map.of("or", List.of(Map.of("flag", "\\Seen"), Map.of("flag", "\\Flagged"))))).containsExactly(1L, 2L);
        assertThat(search(Map.of("or", List.of(Map.of("uids", "1"), Map.of("uids", "2"), Map.of("uids", "5")))))
                .containsExactly(1L, 2L, 5L);
        assertThat(search(Map.of("not", Map.of("or", List.of(Map.of("larger", 4000), Map.of("body", "pizza"))))))
                .containsExactly(1L, 4L, 5L);
    }

    @Test
    void modseqCriterionReportsTheHighestModseqFound() {
        long before = account.mailboxRow(inbox).getLong("highestmodseq");
        InternalApi.flags(account.address(), inbox, "2,4", "add", List.of("\\Answered"), List.of());

        JsonPath result = json(account.address(), inbox, Map.of("criteria", Map.of("modseq", before + 1)))
                .post(MAILBOX + "/search").then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("uids", Long.class)).containsExactly(2L, 4L);
        assertThat(result.getLong("maxModseq")).isEqualTo(before + 1);
        assertThat(result.getLong("highestModseq")).isEqualTo(before + 1);

        JsonPath plain = json(account.address(), inbox, Map.of("criteria", Map.of("all", true))).post(MAILBOX + "/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(plain.getMap("$")).doesNotContainKey("maxModseq");
        assertThat(plain.getLong("highestModseq")).isEqualTo(before + 1);
    }

    @Test
    void refusesMalformedCriteria() {
        Object deep = Map.of("all", true);
        for (int i = 0; i < 40; i++) {
            deep = Map.of("not", deep);
        }
        for (Object bad : List.of(Map.of(), Map.of("unknown", 1), Map.of("all", true, "flag", "\\Seen"),
                Map.of("or", List.of(Map.of("all", true))), Map.of("flag", "\\Recent"), Map.of("keyword", "a b"),
                Map.of("before", "06-May-2024"), Map.of("larger", -1), Map.of("larger", "big"), Map.of("uids", "0"),
                Map.of("header", Map.of("name", "Bad:Name", "value", "x")), Map.of("header", Map.of("name", "X")), deep)) {
            json(account.address(), inbox, Map.of("criteria", bad)).post(MAILBOX + "/search").then().statusCode(400)
                    .body("error", is("invalid_request"));
        }
        json(account.address(), inbox, Map.of("criteria", Map.of("all", true), "sort", "date")).post(MAILBOX + "/search")
                .then().statusCode(400);
        json(account.address(), inbox, Map.of()).post(MAILBOX + "/search").then().statusCode(400);
        json(account.address(), 999_999_999L, Map.of("criteria", Map.of("all", true))).post(MAILBOX + "/search").then()
                .statusCode(404).body("error", is("nonexistent"));
        io.restassured.RestAssured.given().pathParam("address", account.address()).pathParam("id", inbox)
                .contentType("application/json").body(Map.of("criteria", Map.of("all", true))).post(MAILBOX + "/search")
                .then().statusCode(401);
    }

    private List<Long> search(Map<String, Object> criteria) {
        return json(account.address(), inbox, Map.of("criteria", criteria)).post(MAILBOX + "/search").then().statusCode(200)
                .extract().jsonPath().getList("uids", Long.class);
    }

    private static Map<String, Object> header(String name, String value) {
        return Map.of("header", Map.of("name", name, "value", value));
    }

    private void append(String message, String internalDate, String... flags) {
        var request = on(account.address(), inbox).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .queryParam("internalDate", internalDate);
        for (String flag : flags) {
            request = request.queryParam(flag.startsWith("\\") ? "flags" : "keywords", flag);
        }
        request.post(MAILBOX + "/messages").then().statusCode(201);
    }
}
