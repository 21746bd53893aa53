package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.postflow.mailbox.domain.delivery.LocalDelivery;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.Deliveries;
import io.postflow.mailbox.support.InternalApi;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BODY[section]&lt;partial&gt; byte for byte against the message as built, for a delivered message
 * (whose trace prefix comes first) and for a large APPENDed one read in several chunks.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageContentTest {

    // A multipart/mixed message: a text part, then a message/rfc822 part holding a multipart/alternative.
    static final String HEADER = "From: Alice <alice@example.test>\r\nTo: bob@example.test\r\nSubject: nested\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n";
    static final String PART1_MIME = "Content-Type: text/plain; charset=us-ascii\r\n\r\n";
    static final String PART1 = "part one body\r\nline two";
    static final String PART2_MIME = "Content-Type: message/rfc822\r\n\r\n";
    static final String INNER_HEADER = "Subject: inner\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n";
    static final String INNER1_MIME = "Content-Type: text/plain\r\n\r\n";
    static final String INNER1 = "inner plain";
    static final String INNER2_MIME = "Content-Type: text/html\r\n\r\n";
    static final String INNER2 = "<p>inner html</p>";
    static final String INNER_TEXT = "--inner\r\n" + INNER1_MIME + INNER1 + "\r\n--inner\r\n" + INNER2_MIME + INNER2
            + "\r\n--inner--";
    static final String PART2 = INNER_HEADER + INNER_TEXT;
    static final String TEXT = "preamble\r\n--outer\r\n" + PART1_MIME + PART1 + "\r\n--outer\r\n" + PART2_MIME + PART2
            + "\r\n--outer--\r\nepilogue\r\n";
    static final String MESSAGE = HEADER + TEXT;

    @Inject
    Pool pool;

    @Inject
    LocalDelivery delivery;

    MailFixture account;
    long inbox;
    String prefix;

    @BeforeEach
    void delivered() {
        account = MailFixture.account(new Database(pool), "content");
        inbox = account.mailbox("INBOX");
        Deliveries.deliver(delivery, account.address(), bytes(MESSAGE));
        prefix = new String(Deliveries.prefix(account.address()), StandardCharsets.US_ASCII);
    }

    @Test
    void servesEverySectionOfADeliveredMessageByteForByte() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("", prefix + MESSAGE),
                Map.entry("HEADER", prefix + HEADER),
                Map.entry("TEXT", TEXT),
                Map.entry("1", PART1),
                Map.entry("1.MIME", PART1_MIME),
                Map.entry("2", PART2),
                Map.entry("2.MIME", PART2_MIME),
                Map.entry("2.HEADER", INNER_HEADER),
                Map.entry("2.TEXT", INNER_TEXT),
                Map.entry("2.1", INNER1),
                Map.entry("2.1.MIME", INNER1_MIME),
                Map.entry("2.2", INNER2),
                Map.entry("2.2.MIME", INNER2_MIME));
        expected.forEach((section, bytes) -> assertThat(content(inbox, 1, section, null, null)).as("BODY[%s]", section)
                .isEqualTo(bytes(bytes)));
    }

    @Test
    void answersSectionsTheMessageDoesNotHaveWithNothing() {
        for (String section : List.of("3", "1.HEADER", "1.TEXT", "2.3", "1.1", "2.1.1.1", "9.MIME")) {
            Response response = on(account.address(), inbox).queryParam("section", section).get(MAILBOX + "/messages/1/content");
            assertThat(response.statusCode()).as(section).isEqualTo(200);
            assertThat(response.header("Content-Length")).as(section).isEqualTo("0");
            assertThat(response.asByteArray()).as(section).isEmpty();
        }
    }

    @Test
    void appliesPartialRangesWithinTheSection() {
        byte[] whole = bytes(prefix + MESSAGE);
        int p = prefix.length();
        assertThat(content(inbox, 1, "", 0L, 10L)).isEqualTo(Arrays.copyOfRange(whole, 0, 10));
        assertThat(content(inbox, 1, "", (long) p - 5, 20L)).isEqualTo(Arrays.copyOfRange(whole, p - 5, p + 15));
        assertThat(content(inbox, 1, "", (long) p + 3, null)).isEqualTo(Arrays.copyOfRange(whole, p + 3, whole.length));
        assertThat(content(inbox, 1, "2.1", 3L, 4L)).isEqualTo(bytes(INNER1.substring(3, 7)));
        assertThat(content(inbox, 1, "2.1", 5L, 1000L)).isEqualTo(bytes(INNER1.substring(5)));
        assertThat(content(inbox, 1, "2.1", (long) INNER1.length(), 5L)).isEmpty();
        assertThat(content(inbox, 1, "HEADER", null, 6L)).isEqualTo(bytes(prefix.substring(0, 6)));
        assertThat(content(inbox, 1, "TEXT", 0L, 0L)).isEmpty();
    }

    @Test
    void metadataOffsetsPointIntoTheServedBytes() {
        JsonPath page = on(account.address(), inbox).queryParam("uids", "1").queryParam("fields", "parts,headerSize,header")
                .get(MAILBOX + "/messages").then().statusCode(200).extract().jsonPath();
        byte[] served = bytes(prefix + MESSAGE);
        assertThat(page.getInt("messages[0].headerSize")).isEqualTo(bytes(prefix + HEADER).length);
        assertThat(Base64.getDecoder().decode(page.getString("messages[0].header"))).isEqualTo(bytes(prefix + HEADER));
        assertThat(page.getInt("messages[0].size")).isEqualTo(served.length);
        List<Map<String, Object>> parts = page.getList("messages[0].parts");
        Map<String, Object> inner1 = parts.stream().filter(p -> "2.1".equals(p.get("section"))).findFirst().orElseThrow();
        assertThat(slice(served, inner1, "bodyStart", "end")).isEqualTo(bytes(INNER1));
        assertThat(slice(served, inner1, "headerStart", "bodyStart")).isEqualTo(bytes(INNER1_MIME));
        Map<String, Object> part2 = parts.stream().filter(p -> "2".equals(p.get("section"))).findFirst().orElseThrow();
        assertThat(slice(served, part2, "bodyStart", "innerHeaderEnd")).isEqualTo(bytes(INNER_HEADER));
        Map<String, Object> top = parts.get(0);
        assertThat(new Database(pool).single("SELECT jsonb_typeof(b.parts) AS t FROM message_body b JOIN mailbox_message e"
                + " ON e.body_id = b.id WHERE e.mailbox_id = $1 AND e.uid = 1", inbox).getString("t")).isEqualTo("array");
        assertThat(top.get("section")).isEqualTo("");
        assertThat(slice(served, top, "headerStart", "bodyStart")).isEqualTo(bytes(prefix + HEADER));
    }

    @Test
    void theMimeHeaderOfASinglePartMessageIsItsHeaderWithTheTraceFields() {
        String header = "Subject: single\r\nContent-Type: text/plain\r\n\r\n";
        String body = "just text\r\n";
        Deliveries.deliver(delivery, account.address(), bytes(header + body));

        assertThat(content(inbox, 2, "1", null, null)).isEqualTo(bytes(body));
        assertThat(content(inbox, 2, "1.MIME", null, null)).isEqualTo(bytes(prefix + header));
        assertThat(content(inbox, 2, "TEXT", null, null)).isEqualTo(bytes(body));
        assertThat(content(inbox, 2, "2", null, null)).isEmpty();
    }

    @Test
    void streamsALargeMessageInChunksWithItsExactLength() throws Exception {
        byte[] header = bytes("Subject: large\r\nContent-Type: text/plain\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (int i = 0; out.size() < 3_500_000; i++) {
            out.writeBytes(bytes("line " + i + " of a message larger than three chunks of the content reader\r\n"));
        }
        byte[] large = out.toByteArray();
        HttpResponse<byte[]> appended = InternalApi.raw("POST", account.address(), inbox, "/messages", large, "message/rfc822");
        assertThat(appended.statusCode()).isEqualTo(201);
        long uid = new ObjectMapper().readTree(appended.body()).get("uid").asLong();

        HttpResponse<byte[]> whole = InternalApi.raw("GET", account.address(), inbox, "/messages/" + uid + "/content", null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(Integer.toString(large.length));
        assertThat(whole.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(whole.body()).isEqualTo(large);
        int mib = 1024 * 1024;
        assertThat(content(inbox, uid, "", (long) mib - 10, 100L)).isEqualTo(Arrays.copyOfRange(large, mib - 10, mib + 90));
        HttpResponse<byte[]> text = InternalApi.raw("GET", account.address(), inbox,
                "/messages/" + uid + "/content?section=TEXT&offset=" + 2 * mib, null, null);
        assertThat(text.body()).isEqualTo(Arrays.copyOfRange(large, header.length + 2 * mib, large.length));
    }

    @Test
    void refusesUnknownMessagesAndBadRequests() {
        on(account.address(), inbox).get(MAILBOX + "/messages/99/content").then().statusCode(404)
                .body("error", is("nonexistent"));
        MailFixture other = MailFixture.account(new Database(pool), "content-other");
        on(account.address(), other.mailbox("INBOX")).get(MAILBOX + "/messages/1/content").then().statusCode(404);
        on(account.address(), inbox).queryParam("section", "1.FOO").get(MAILBOX + "/messages/1/content").then()
                .statusCode(400).body("error", is("invalid_request"));
        on(account.address(), inbox).queryParam("offset", "-1").get(MAILBOX + "/messages/1/content").then()
                .statusCode(400).body("error", is("invalid_request"));
        io.restassured.RestAssured.given().pathParam("address", account.address()).pathParam("id", inbox)
                .get(MAILBOX + "/messages/1/content").then().statusCode(401).body("detail", is("missing Authorization: Bearer token"));
        on(account.address(), inbox).get(MAILBOX + "/messages/1/content").then().statusCode(200)
                .header("Transfer-Encoding", nullValue());
    }

    private byte[] content(long mailbox, long uid, String section, Long offset, Long length) {
        var request = on(account.address(), mailbox).queryParam("section", section);
        if (offset != null) {
            request = request.queryParam("offset", offset);
        }
        if (length != null) {
            request = request.queryParam("length", length);
        }
        Response response = request.get(MAILBOX + "/messages/" + uid + "/content");
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.asByteArray();
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(body.length));
        return body;
    }

    private static byte[] slice(byte[] served, Map<String, Object> part, String from, String to) {
        return Arrays.copyOfRange(served, ((Number) part.get(from)).intValue(), ((Number) part.get(to)).intValue());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
