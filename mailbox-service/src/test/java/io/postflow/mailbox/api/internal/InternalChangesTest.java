package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET .../changes?sinceModseq=N: changed entries and expunged UIDs after a MODSEQ (RFC 7162). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalChangesTest {

    @Inject
    Pool pool;

    Database db;
    TestMessages messages;
    String address;
    long inbox;

    @BeforeEach
    void account() {
        db = new Database(pool);
        messages = new TestMessages(pool);
        String domain = uniqueDomain("changes");
        createDomain(domain);
        address = "ivan@" + domain;
        createAccount(address);
        inbox = mailboxId(address, "INBOX");
    }

    @Test
    void reportsEntriesAndExpungesAfterTheModseq() {
        messages.append(inbox, TestMessages.unique("1"), 0);                      // uid 1, modseq 2
        messages.append(inbox, TestMessages.unique("2"), 1 | 2, "$Forwarded");    // uid 2, modseq 3
        messages.append(inbox, TestMessages.unique("3"), 0);                      // uid 3, modseq 4
        // A flag change of uid 1 and an expunge of uid 3, as the message half of the API records them.
        db.query("UPDATE mailbox SET highestmodseq = 6, message_count = 2, unseen_count = 1 WHERE id = $1", inbox);
        db.query("UPDATE mailbox_message SET flags = 8 | 16, modseq = 5 WHERE mailbox_id = $1 AND uid = 1", inbox);
        db.query("DELETE FROM mailbox_message WHERE mailbox_id = $1 AND uid = 3", inbox);
        db.query("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq) VALUES ($1, 3, 6), ($1, 99, 2)", inbox);

        changes(3).statusCode(200)
                .body("highestModseq", is(6))
                .body("uidNext", is(4))
                .body("messages", is(2))
                .body("changed.uid", is(List.of(1)))
                .body("changed[0].flags", is(List.of("\\Deleted", "\\Draft")))
                .body("changed[0].keywords", empty())
                .body("changed[0].modseq", is(5))
                .body("expunged", is(List.of(3)))
                .body("more", is(false));

        changes(0).statusCode(200)
                .body("changed.uid", is(List.of(2, 1)))
                .body("changed[0].flags", is(List.of("\\Seen", "\\Answered")))
                .body("changed[0].keywords", is(List.of("$Forwarded")))
                .body("expunged", is(List.of(3, 99)));

        changes(6).statusCode(200)
                .body("changed", empty())
                .body("expunged", empty())
                .body("highestModseq", is(6));
    }

    @Test
    void pagesThroughEntriesSharingAModseq() {
        messages.appendUnseen(inbox, 5);
        // One flag change stamping every entry with the same MODSEQ: paging must not lose any.
        db.query("UPDATE mailbox SET highestmodseq = highestmodseq + 1 WHERE id = $1", inbox);
        db.query("UPDATE mailbox_message SET flags = 1, modseq = (SELECT highestmodseq FROM mailbox WHERE id = $1) "
                + "WHERE mailbox_id = $1", inbox);

        List<Integer> seen = new ArrayList<>();
        JsonPath page = internal().queryParam("sinceModseq", 0).queryParam("limit", 2)
                .get(mailbox(address, inbox) + "/changes").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("changed.uid", Integer.class));
        int pages = 1;
        while (page.getBoolean("more")) {
            List<Integer> modseqs = page.getList("changed.modseq", Integer.class);
            page = internal().queryParam("sinceModseq", modseqs.get(modseqs.size() - 1))
                    .queryParam("afterUid", seen.get(seen.size() - 1)).queryParam("limit", 2)
                    .get(mailbox(address, inbox) + "/changes").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("changed.uid", Integer.class));
            pages++;
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void changesNewerThanTheHighestModseqReadAreLeftForTheNextCall() {
        messages.append(inbox, TestMessages.unique("1"), 0);
        // An entry stamped beyond HIGHESTMODSEQ cannot exist for a committed writer; this one
        // stands for a change committed after the answer's HIGHESTMODSEQ was read.
        db.query("UPDATE mailbox_message SET modseq = 50 WHERE mailbox_id = $1 AND uid = 1", inbox);
        changes(0).statusCode(200).body("highestModseq", is(2)).body("changed", empty());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "none, none, none", "-1, none, none", "abc, none, none", "0, 0, none", "0, 10001, none", "0, x, none",
            "0, none, -1", "0, none, 4294967296"})
    void invalidParametersAre400(String since, String limit, String afterUid) {
        var request = internal();
        if (since != null) {
            request.queryParam("sinceModseq", since);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (afterUid != null) {
            request.queryParam("afterUid", afterUid);
        }
        request.get(mailbox(address, inbox) + "/changes").then()
                .statusCode(400)
                .body("error", is("invalid_request"));
    }

    @Test
    void aModseqBelowThePrunedHorizonIs410AndClaimsNothing() {
        messages.append(inbox, TestMessages.unique("1"), 0);                      // uid 1, modseq 2
        messages.append(inbox, TestMessages.unique("2"), 0);                      // uid 2, modseq 3
        // The pruner removed expunges up to MODSEQ 4; the one of MODSEQ 5 is still listed.
        db.query("UPDATE mailbox SET highestmodseq = 5, expunge_pruned_modseq = 4 WHERE id = $1", inbox);
        db.query("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq) VALUES ($1, 7, 5)", inbox);
        long firstRecent = db.single("SELECT first_recent_uid FROM mailbox WHERE id = $1", inbox).getLong(0);

        for (long since : new long[] {0, 3}) {
            changes(since).statusCode(410)
                    .body("error", is("changes_pruned"))
                    .body("detail", containsString("resynchronise"));
        }
        internal().queryParam("sinceModseq", 3).queryParam("claimRecent", true)
                .get(mailbox(address, inbox) + "/changes").then()
                .statusCode(410)
                .body("error", is("changes_pruned"));
        assertThat(db.single("SELECT first_recent_uid FROM mailbox WHERE id = $1", inbox).getLong(0))
                .as("a refused call claims no \\Recent").isEqualTo(firstRecent);

        changes(4).statusCode(200).body("expunged", is(List.of(7)));
        changes(5).statusCode(200).body("expunged", empty());
        internal().queryParam("sinceModseq", 4).queryParam("claimRecent", true)
                .get(mailbox(address, inbox) + "/changes").then()
                .statusCode(200)
                .body("recentUids", is(List.of(1, 2)));
    }

    @Test
    void anUnknownMailboxIs404() {
        internal().queryParam("sinceModseq", 0).get(mailbox(address, Long.MAX_VALUE) + "/changes").then()
                .statusCode(404)
                .body("error", is("nonexistent"));
    }

    private ValidatableResponse changes(long since) {
        return internal().queryParam("sinceModseq", since).get(mailbox(address, inbox) + "/changes").then();
    }
}
