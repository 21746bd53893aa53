package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.create;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static io.postflow.mailbox.support.InternalClient.mailboxes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 3501 §6.3.5: renaming INBOX moves its messages to a new mailbox and leaves INBOX empty. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalInboxRenameTest {

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
        String domain = uniqueDomain("inbox-rename");
        createDomain(domain);
        address = "grace@" + domain;
        createAccount(address);
        inbox = mailboxId(address, "INBOX");
    }

    @Test
    void movesTheMessagesIntoANewMailboxAndLeavesInboxEmpty() {
        String first = TestMessages.unique("first");
        String second = TestMessages.unique("second");
        String third = TestMessages.unique("third");
        messages.append(inbox, first, 1, "$Label1");          // uid 1, \Seen
        messages.append(inbox, second, 0);                    // uid 2
        messages.append(inbox, third, 4 | 1, "Work");         // uid 3, \Flagged \Seen
        // A gap, as after an expunge: the new mailbox numbers 1..n all the same.
        db.query("DELETE FROM mailbox_message WHERE mailbox_id = $1 AND uid = 2", inbox);
        db.query("UPDATE mailbox SET message_count = 2, unseen_count = 0, size_bytes = size_bytes - $2 WHERE id = $1",
                inbox, (long) second.length());
        JsonPath before = internal().get(mailbox(address, inbox)).then().statusCode(200).extract().jsonPath();

        JsonPath renamed = internal().body(Map.of("name", "Old Mail/2025")).post(mailbox(address, inbox) + "/rename").then()
                .statusCode(200)
                .body("name", is("Old Mail/2025"))
                .body("messages", is(2))
                .body("unseen", is(0))
                .body("uidNext", is(3))
                .body("recent", is(2))
                .extract().jsonPath();
        long target = renamed.getLong("id");
        assertThat(target).isNotEqualTo(inbox);
        assertThat(renamed.getLong("uidValidity")).isNotEqualTo(before.getLong("uidValidity"));

        List<Row> moved = db.query("SELECT e.uid, e.flags, e.keywords, b.content FROM mailbox_message e "
                + "JOIN message_body b ON b.id = e.body_id WHERE e.mailbox_id = $1 ORDER BY e.uid", target);
        assertThat(moved).extracting(r -> r.getLong("uid")).containsExactly(1L, 2L);
        assertThat(moved).extracting(r -> r.getBuffer("content").toString()).containsExactly(first, third);
        assertThat(moved).extracting(r -> r.getInteger("flags")).containsExactly(1, 5);
        assertThat(moved).extracting(r -> Arrays.asList(r.getArrayOfStrings("keywords")))
                .containsExactly(List.of("$Label1"), List.of("Work"));

        internal().get(mailbox(address, inbox)).then()
                .statusCode(200)
                .body("name", is("INBOX"))
                .body("messages", is(0))
                .body("unseen", is(0))
                .body("uidNext", is(before.getInt("uidNext")))
                .body("uidValidity", is(before.getInt("uidValidity")))
                .body("highestModseq", is(before.getInt("highestModseq") + 1));
        assertThat(db.count("SELECT size_bytes FROM mailbox WHERE id = $1", inbox)).isZero();
        internal().queryParam("sinceModseq", before.getLong("highestModseq")).get(mailbox(address, inbox) + "/changes").then()
                .statusCode(200)
                .body("expunged", is(List.of(1, 3)))
                .body("changed.size()", is(0));
        internal().get(mailboxes(address)).then().body("name", hasItem("Old Mail")); // parent created
        assertThat(db.count("SELECT sum(ref_count) FROM message_body WHERE sha256 IN (sha256($1), sha256($2))",
                Buffer.buffer(first), Buffer.buffer(third)))
                .as("the same entries, moved: references unchanged").isEqualTo(2);
        assertThat(db.count("SELECT used_bytes FROM account WHERE address = $1", address))
                .isEqualTo(first.length() + third.length() + second.length()); // the test's own DELETE did not uncharge
    }

    @Test
    void inboxInferiorsAreUnaffectedAndAnEmptyInboxRenamesToo() {
        long child = create(address, "INBOX/Child").getLong("id");

        internal().body(Map.of("name", "Fresh")).post(mailbox(address, inbox) + "/rename").then()
                .statusCode(200)
                .body("name", is("Fresh"))
                .body("messages", is(0))
                .body("uidNext", is(1));

        assertThat(mailboxId(address, "INBOX/Child")).isEqualTo(child);
        assertThat(mailboxId(address, "INBOX")).isEqualTo(inbox);
    }

    @Test
    void renamingInboxToAnExistingNameChangesNothing() {
        messages.append(inbox, TestMessages.unique("stays"), 0);
        internal().body(Map.of("name", "Sent")).post(mailbox(address, inbox) + "/rename").then()
                .statusCode(409)
                .body("error", is("already_exists"));
        internal().get(mailbox(address, inbox)).then().body("messages", is(1));
        assertThat(db.count("SELECT count(*) FROM mailbox_message WHERE mailbox_id = $1", inbox)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM mailbox_expunged WHERE mailbox_id = $1", inbox)).isZero();
    }
}
