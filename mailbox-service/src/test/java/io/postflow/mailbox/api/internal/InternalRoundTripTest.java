package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.json;
import static io.postflow.mailbox.support.InternalApi.on;
import static io.postflow.mailbox.support.MailFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.InternalApi;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls that make every IMAP command one round trip: SELECT by name with the UID list,
 * APPEND and COPY to a named mailbox, the streamed FETCH (with \Seen for a non-PEEK fetch), the
 * \Recent claim of new arrivals in the changes call, and INTERNALDATE in the client's zone.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_NAME = "/internal/v1/accounts/{address}/mailboxes/by-name";

    @Inject
    Pool pool;

    MailFixture account;
    long inbox;

    @BeforeEach
    void setUp() {
        account = MailFixture.account(new Database(pool), "roundtrip");
        inbox = account.mailbox("INBOX");
    }

    @Test
    void selectByNameAnswersTheUidListAsRanges() {
        for (int i = 0; i < 6; i++) {
            InternalApi.append(account.address(), inbox, message("m" + i, "body " + i));
        }
        InternalApi.flags(account.address(), inbox, "2:3,5", "add", List.of("\\Deleted"), List.of());
        json(account.address(), inbox, Map.of("uids", "2:3,5")).post(MAILBOX + "/expunge").then().statusCode(200);

        JsonPath examined = byName("inbox", Map.of("readOnly", true)).post(BY_NAME + "/select").then().statusCode(200)
                .body("id", is((int) inbox))
                .body("name", is("INBOX"))
                .body("uids", is("1,4,6"))
                .body("uidNext", is(7))
                .body("recentUids", is(List.of(1, 6)))
                .extract().jsonPath();
        assertThat(examined.getInt("messages")).isEqualTo(3);
        // SELECT claims, and a second SELECT finds nothing left to claim.
        byName("INBOX", Map.of("readOnly", false)).post(BY_NAME + "/select").then().statusCode(200)
                .body("uids", is("1,4,6")).body("recentUids", is(List.of(1, 6)));
        byName("INBOX", Map.of("readOnly", false)).post(BY_NAME + "/select").then().statusCode(200)
                .body("recentUids", nullValue());

        byName("Sent", Map.of("readOnly", true)).post(BY_NAME + "/select").then().statusCode(200).body("uids", is(""));
        byName("Nowhere", Map.of("readOnly", true)).post(BY_NAME + "/select").then().statusCode(404)
                .body("error", is("nonexistent"));
        named().contentType("application/json").body(Map.of("readOnly", true))
                .post(BY_NAME + "/select").then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void statusByNameIsOneCall() {
        InternalApi.append(account.address(), inbox, message("s", "status"));
        byName("Inbox", null).get(BY_NAME).then().statusCode(200).body("id", is((int) inbox)).body("messages", is(1))
                .body("subscribed", is(true));
    }

    @Test
    void appendByNameKeepsTheZoneOfTheClientsDate() {
        long archive = account.mailbox("Archive");
        byName("Archive", null).contentType("message/rfc822").body(message("dated", "x"))
                .queryParam("internalDate", " 7-Feb-1994 21:52:25 -0800")
                .post(BY_NAME + "/messages").then().statusCode(201).body("uid", is(1));
        byName("Archive", null).contentType("message/rfc822").body(message("now", "y"))
                .post(BY_NAME + "/messages").then().statusCode(201).body("uid", is(2));
        byName("Nowhere", null).contentType("message/rfc822").body(message("lost", "z"))
                .post(BY_NAME + "/messages").then().statusCode(404).body("error", is("nonexistent"));

        JsonPath page = on(account.address(), archive).queryParam("uids", "1:*").get(MAILBOX + "/messages").then()
                .statusCode(200).extract().jsonPath();
        OffsetDateTime dated = OffsetDateTime.parse(page.getString("messages[0].internalDate"));
        assertThat(dated).isEqualTo(OffsetDateTime.parse("1994-02-07T21:52:25-08:00"));
        assertThat(dated.getOffset().getTotalSeconds()).isEqualTo(-8 * 3600);
        // Without a date: now, in the server's zone.
        OffsetDateTime now = OffsetDateTime.parse(page.getString("messages[1].internalDate"));
        assertThat(now.getOffset()).isEqualTo(ZoneId.systemDefault().getRules().getOffset(now.toInstant()));
    }

    @Test
    void copyToANamedTargetKeepsTheZone() {
        on(account.address(), inbox).contentType("message/rfc822").body(message("c1", "one"))
                .queryParam("internalDate", "2024-03-01T12:00:00+05:30").post(MAILBOX + "/messages").then().statusCode(201);
        InternalApi.append(account.address(), inbox, message("c2", "two"));
        long archive = account.mailbox("Archive");

        json(account.address(), inbox, Map.of("uids", "1:*", "targetName", "Archive")).post(MAILBOX + "/copy").then()
                .statusCode(200).body("mapping", is(List.of(List.of(1, 1), List.of(2, 2))));
        assertThat(on(account.address(), archive).queryParam("uids", "1").get(MAILBOX + "/messages").then()
                .extract().jsonPath().getString("messages[0].internalDate")).isEqualTo("2024-03-01T12:00:00+05:30");

        json(account.address(), inbox, Map.of("uids", "1", "targetName", "Nowhere")).post(MAILBOX + "/copy").then()
                .statusCode(404).body("error", is("nonexistent"));
        json(account.address(), inbox, Map.of("uids", "1", "targetName", "Archive", "target", archive))
                .post(MAILBOX + "/copy").then().statusCode(400);
        json(account.address(), inbox, Map.of("uids", "1")).post(MAILBOX + "/copy").then().statusCode(400);
    }

    @Test
    void fetchStreamsEverySectionOfEveryMessageInOneResponse() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] raw = message("f" + i, "body number " + i + "\r\nsecond line");
            messages.add(raw);
            InternalApi.append(account.address(), inbox, raw);
        }
        Map<String, Object> request = Map.of("uids", "1:*", "fields", "envelope", "sections", List.of(
                Map.of("section", ""), Map.of("section", "TEXT", "offset", 2, "length", 5), Map.of("section", "HEADER")));

        List<Frame> frames = fetch(request);

        assertThat(frames).extracting(f -> f.message().get("uid").asLong()).containsExactly(1L, 2L, 3L);
        for (int i = 0; i < 3; i++) {
            byte[] raw = messages.get(i);
            int headerEnd = new String(raw, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            Frame frame = frames.get(i);
            assertThat(frame.message().get("envelope").asText()).contains("\"f" + i + "\"");
            assertThat(frame.message().get("flags")).isEmpty(); // a PEEK: nothing set
            assertThat(frame.sections().get(0)).isEqualTo(raw);
            assertThat(frame.sections().get(1)).isEqualTo(Arrays.copyOfRange(raw, headerEnd + 2, headerEnd + 7));
            assertThat(frame.sections().get(2)).isEqualTo(Arrays.copyOfRange(raw, 0, headerEnd));
        }
    }

    @Test
    void aNonPeekFetchSetsSeenInTheSameCall() throws Exception {
        InternalApi.append(account.address(), inbox, message("seen1", "a"));
        InternalApi.append(account.address(), inbox, message("seen2", "b"), "\\Seen");
        long before = account.mailboxRow(inbox).getLong("highestmodseq");

        List<Frame> frames = fetch(Map.of("uids", "1:2", "sections", List.of(Map.of("section", "TEXT")), "markSeen", true));

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).message().get("flags").toString()).contains("\\\\Seen");
        assertThat(frames.get(0).message().get("modseq").asLong()).isGreaterThan(before);
        assertThat(frames.get(1).message().get("flags").toString()).contains("\\\\Seen");
        assertThat(account.mailboxRow(inbox).getInteger("unseen_count")).isZero();
    }

    @Test
    void aFetchWithChangedSinceStreamsOnlyTheMessagesChangedAfterIt() throws Exception {
        InternalApi.append(account.address(), inbox, message("cs1", "a"));
        InternalApi.append(account.address(), inbox, message("cs2", "b"));
        InternalApi.append(account.address(), inbox, message("cs3", "c"), "\\Seen");
        long before = account.mailboxRow(inbox).getLong("highestmodseq");
        InternalApi.flags(account.address(), inbox, "2", "add", List.of("\\Flagged"), List.of());

        List<Frame> peek = fetch(Map.of("uids", "1:*", "sections", List.of(Map.of("section", "TEXT")), "changedSince", before));

        assertThat(peek).extracting(f -> f.message().get("uid").asLong()).containsExactly(2L);
        assertThat(peek.get(0).message().get("modseq").asLong()).isGreaterThan(before);
        assertThat(peek.get(0).sections().get(0)).isEqualTo("b\r\n".getBytes(StandardCharsets.US_ASCII));

        // Tested after \Seen is set: the unseen message this fetch marks has changed too; 3 was seen already.
        long flagged = account.mailboxRow(inbox).getLong("highestmodseq");
        List<Frame> marking = fetch(Map.of("uids", "1,3", "sections", List.of(Map.of("section", "TEXT")), "markSeen", true,
                "changedSince", flagged));
        assertThat(marking).extracting(f -> f.message().get("uid").asLong()).containsExactly(1L);

        assertThat(InternalApi.raw("POST", account.address(), inbox, "/fetch",
                body(Map.of("uids", "1:*", "markSeen", true, "changedSince", -1)), "application/json").statusCode())
                .isEqualTo(400);
        assertThat(account.mailboxRow(inbox).getInteger("unseen_count")).isEqualTo(1); // refused before \Seen is set
    }

    @Test
    void fetchPagesThroughALargeSetWithoutBodies() throws Exception {
        new TestMessages(pool).appendUnseen(inbox, 1203);

        List<Frame> frames = fetch(Map.of("uids", "1:*"));

        assertThat(frames).hasSize(1203);
        assertThat(frames).extracting(f -> f.message().get("uid").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(frames).allMatch(f -> f.sections().isEmpty());
    }

    @Test
    void fetchRefusals() {
        assertThat(InternalApi.raw("POST", account.address(), Long.MAX_VALUE, "/fetch",
                body(Map.of("uids", "1:*")), "application/json").statusCode()).isEqualTo(404);
        assertThat(InternalApi.raw("POST", account.address(), inbox, "/fetch",
                body(Map.of("uids", "1:*", "sections", List.of(Map.of("section", "1.0")))), "application/json").statusCode())
                .isEqualTo(400);
        assertThat(InternalApi.raw("POST", account.address(), inbox, "/fetch",
                body(Map.of("uids", "1:*", "markseen", true)), "application/json").statusCode()).isEqualTo(400);
        assertThat(InternalApi.raw("POST", account.address(), inbox, "/fetch",
                body(Map.of("uids", "1:*", "sections", List.of(Map.of("section", "", "offset", -1)))), "application/json")
                .statusCode()).isEqualTo(400);
        assertThat(InternalApi.raw("POST", account.address(), inbox, "/fetch",
                body(Map.of("sections", List.of())), "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void newArrivalsAreClaimedAsRecentByOneReadWriteSessionOnly() {
        InternalApi.append(account.address(), inbox, message("r1", "a"));
        json(account.address(), inbox, Map.of("readOnly", false)).post(MAILBOX + "/select").then().statusCode(200);
        long modseq = account.mailboxRow(inbox).getLong("highestmodseq");
        InternalApi.append(account.address(), inbox, message("r2", "b"));
        InternalApi.append(account.address(), inbox, message("r3", "c"));

        // A read-only look claims nothing.
        changes(modseq, false).body("recentUids", nullValue()).body("changed.uid", is(List.of(2, 3)));
        changes(modseq, true).body("recentUids", is(List.of(2, 3))).body("changed.uid", is(List.of(2, 3)));
        changes(modseq, true).body("recentUids", nullValue()).body("changed.uid", is(List.of(2, 3)));
        InternalApi.append(account.address(), inbox, message("r4", "d"));
        changes(modseq, true).body("recentUids", is(List.of(4, 4)));
    }

    // -----------------------------------------------------------------------------------------

    /** A request on {@code …/mailboxes/by-name}, without a mailbox id. */
    private io.restassured.specification.RequestSpecification named() {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + InternalApi.TOKEN)
                .pathParam("address", account.address());
    }

    private io.restassured.specification.RequestSpecification byName(String name, Object jsonBody) {
        var request = named().queryParam("name", name);
        return jsonBody == null ? request : request.contentType("application/json").body(jsonBody);
    }

    private io.restassured.response.ValidatableResponse changes(long since, boolean claim) {
        return on(account.address(), inbox).queryParam("sinceModseq", since).queryParam("claimRecent", claim)
                .get(MAILBOX + "/changes").then().statusCode(200);
    }

    private record Frame(JsonNode message, List<byte[]> sections) {
    }

    private static byte[] body(Object request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST /fetch and its frames; the stream must end with the end line. */
    private List<Frame> fetch(Map<String, Object> request) throws Exception {
        HttpResponse<byte[]> response = InternalApi.raw("POST", account.address(), inbox, "/fetch", body(request),
                "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.postflow.fetch"));
        byte[] bytes = response.body();
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (true) {
            int eol = indexOf(bytes, (byte) '\n', at);
            assertThat(eol).as("a frame line at %d", at).isGreaterThanOrEqualTo(0);
            JsonNode line = JSON.readTree(Arrays.copyOfRange(bytes, at, eol));
            at = eol + 1;
            if (line.has("end")) {
                assertThat(at).as("nothing after the end line").isEqualTo(bytes.length);
                return frames;
            }
            List<byte[]> sections = new ArrayList<>();
            for (JsonNode length : line.get("sections")) {
                sections.add(Arrays.copyOfRange(bytes, at, at + length.asInt()));
                at += length.asInt();
            }
            frames.add(new Frame(line.get("message"), sections));
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
