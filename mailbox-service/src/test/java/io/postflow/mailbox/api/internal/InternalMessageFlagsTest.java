package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.MAILBOX;
import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.InternalApi.flags;
import static io.postflow.mailbox.support.InternalApi.json;
import static io.postflow.mailbox.support.MailFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STORE: modes, keywords, MODSEQ per change, exact unseen counts, UNCHANGEDSINCE and [MODIFIED]. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageFlagsTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Database db;
    MailFixture account;
    long inbox;
    MailboxEventsTopic events;

    @BeforeEach
    void fiveUnseenMessages() {
        db = new Database(pool);
        account = MailFixture.account(db, "flags");
        inbox = account.mailbox("INBOX");
        for (int i = 1; i <= 5; i++) {
            append(account.address(), inbox, message("flags " + i, "x"));
        }
        events = MailboxEventsTopic.open(bootstrap);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void addingGivesChangedMessagesOneNewModseqAndLeavesTheOthersAlone() {
        long h = highestModseq();

        JsonPath first = flags(account.address(), inbox, "1:3", "add", List.of("\\Seen"), List.of());
        assertThat(first.getLong("highestModseq")).isEqualTo(h + 1);
        assertThat(first.getList("updated.uid", Long.class)).containsExactly(1L, 2L, 3L);
        assertThat(first.getList("updated.modseq", Long.class)).containsOnly(h + 1);
        assertThat(first.getList("updated[0].flags")).containsExactly("\\Seen");
        assertThat(first.getList("unchanged")).isEmpty();
        assertThat(first.getList("modified")).isEmpty();
        assertUnseenCountIsExact(2);

        JsonPath second = flags(account.address(), inbox, "1:*", "add", List.of("\\seen"), List.of());
        assertThat(second.getLong("highestModseq")).isEqualTo(h + 2);
        assertThat(second.getList("updated.uid", Long.class)).containsExactly(4L, 5L);
        assertThat(second.getList("unchanged.uid", Long.class)).containsExactly(1L, 2L, 3L);
        assertThat(second.getList("unchanged.modseq", Long.class)).containsOnly(h + 1);
        assertThat(second.getList("unchanged[0].flags")).containsExactly("\\Seen");
        assertUnseenCountIsExact(0);

        JsonPath noChange = flags(account.address(), inbox, "1:*", "add", List.of("\\Seen"), List.of());
        assertThat(noChange.getLong("highestModseq")).isEqualTo(h + 2);
        assertThat(noChange.getList("updated")).isEmpty();
        assertThat(highestModseq()).isEqualTo(h + 2);

        MailboxEvent event = events.awaitEvent(inbox, MailboxEvent.Type.FLAGS);
        assertThat(event.uids()).containsExactly(4L, 5L);
        assertThat(event.modseq()).isEqualTo(h + 2);
    }

    @Test
    void replaceAndRemoveKeepUnseenCountExact() {
        flags(account.address(), inbox, "1:5", "replace", List.of("\\Seen", "\\Answered"), List.of("$Forwarded"));
        assertUnseenCountIsExact(0);

        JsonPath removed = flags(account.address(), inbox, "2,4", "remove", List.of("\\Seen"), List.of());
        assertThat(removed.getList("updated.uid", Long.class)).containsExactly(2L, 4L);
        assertThat(removed.getList("updated[0].flags")).containsExactly("\\Answered");
        assertThat(removed.getList("updated[0].keywords")).containsExactly("$Forwarded");
        assertUnseenCountIsExact(2);

        JsonPath replaced = flags(account.address(), inbox, "1,2", "replace", List.of("\\Flagged", "\\Draft"), List.of());
        assertThat(replaced.getList("updated[0].flags")).containsExactly("\\Flagged", "\\Draft");
        assertThat(replaced.getList("updated[0].keywords")).isEmpty();
        assertUnseenCountIsExact(3);
        Row stored = db.single("SELECT flags, keywords FROM mailbox_message WHERE mailbox_id = $1 AND uid = 1", inbox);
        assertThat(stored.getInteger("flags")).isEqualTo(4 | 16);
        assertThat(stored.getArrayOfStrings("keywords")).isEmpty();
    }

    @Test
    void keywordsAreAddedAndRemovedAsSetsKeepingTheirOrder() {
        flags(account.address(), inbox, "1", "add", List.of(), List.of("a", "b"));
        JsonPath added = flags(account.address(), inbox, "1", "add", List.of(), List.of("c", "a"));
        assertThat(added.getList("updated[0].keywords")).containsExactly("a", "b", "c");
        JsonPath removed = flags(account.address(), inbox, "1", "remove", List.of(), List.of("a", "zz"));
        assertThat(removed.getList("updated[0].keywords")).containsExactly("b", "c");
        JsonPath sameSet = flags(account.address(), inbox, "1", "replace", List.of(), List.of("c", "b"));
        assertThat(sameSet.getList("updated")).isEmpty();
        assertThat(sameSet.getList("unchanged[0].keywords")).containsExactly("b", "c");
    }

    @Test
    void unchangedSinceLeavesNewerMessagesAloneAndReportsThemModified() {
        flags(account.address(), inbox, "1", "add", List.of("\\Flagged"), List.of());
        long m1 = modseq(1);
        long m4 = modseq(4);
        assertThat(m1).isGreaterThan(m4);

        JsonPath conditional = store(Map.of("uids", "1,4", "mode", "add", "flags", List.of("\\Answered"), "unchangedSince", m4));
        assertThat(conditional.getList("updated.uid", Long.class)).containsExactly(4L);
        assertThat(conditional.getList("modified", Long.class)).containsExactly(1L);
        assertThat(modseq(1)).isEqualTo(m1);
        assertThat(db.single("SELECT flags FROM mailbox_message WHERE mailbox_id = $1 AND uid = 1", inbox).getInteger("flags"))
                .isEqualTo(4);

        long h = highestModseq();
        JsonPath zero = store(Map.of("uids", "1:*", "mode", "replace", "flags", List.of(), "unchangedSince", 0));
        assertThat(zero.getList("modified", Long.class)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(zero.getList("updated")).isEmpty();
        assertThat(zero.getLong("highestModseq")).isEqualTo(h);
        assertThat(highestModseq()).isEqualTo(h);
    }

    @Test
    void uidsThatDoNotExistAreIgnored() {
        JsonPath none = flags(account.address(), inbox, "40:50", "add", List.of("\\Deleted"), List.of());
        assertThat(none.getList("updated")).isEmpty();
        assertThat(none.getList("unchanged")).isEmpty();
        assertThat(none.getLong("highestModseq")).isEqualTo(highestModseq());
    }

    @Test
    void refusesMalformedRequests() {
        Map<String, Object> valid = Map.of("uids", "1", "mode", "add", "flags", List.of("\\Seen"));
        assertBad(with(valid, "mode", "toggle"), "mode");
        assertBad(with(valid, "flags", List.of("\\Recent")), "\\Recent");
        assertBad(with(valid, "keywords", List.of("no spaces")), "keyword");
        assertBad(with(valid, "uids", "1:"), "UID set");
        assertBad(with(valid, "unchangedsince", 5), "unchangedsince");
        assertBad(with(valid, "unchangedSince", -1), "unchangedSince");
        Map<String, Object> noUids = new HashMap<>(valid);
        noUids.remove("uids");
        assertBad(noUids, "uids");
        json(account.address(), inbox, "{\"uids\":\"1\",").post(MAILBOX + "/flags").then().statusCode(400)
                .body("error", is("invalid_request"));
        json(account.address(), 999_999_999L, valid).post(MAILBOX + "/flags").then().statusCode(404)
                .body("error", is("nonexistent"));
        io.restassured.RestAssured.given().pathParam("address", account.address()).pathParam("id", inbox)
                .contentType("application/json").body(valid).post(MAILBOX + "/flags").then().statusCode(401);
        assertUnseenCountIsExact(5);
    }

    private JsonPath store(Map<String, Object> body) {
        return json(account.address(), inbox, body).post(MAILBOX + "/flags").then().statusCode(200).extract().jsonPath();
    }

    private void assertBad(Map<String, Object> body, String detail) {
        json(account.address(), inbox, body).post(MAILBOX + "/flags").then().statusCode(400)
                .body("error", is("invalid_request")).body("detail", containsString(detail));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private long highestModseq() {
        return account.mailboxRow(inbox).getLong("highestmodseq");
    }

    private long modseq(long uid) {
        return db.single("SELECT modseq FROM mailbox_message WHERE mailbox_id = $1 AND uid = $2", inbox, uid).getLong("modseq");
    }

    /** The counter equals a count of the rows, and the expected value. */
    private void assertUnseenCountIsExact(int expected) {
        long counted = db.count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1 AND flags & 1 = 0", inbox);
        assertThat(counted).isEqualTo(expected);
        assertThat(account.mailboxRow(inbox).getInteger("unseen_count")).isEqualTo(expected);
    }
}
