package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.create;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static io.postflow.mailbox.support.InternalClient.mailboxes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mailbox list endpoints: list, create, by name, by id, delete, rename, subscription. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMailboxListTest {

    @Inject
    Pool pool;

    String address;

    @BeforeEach
    void account() {
        String domain = uniqueDomain("boxes");
        createDomain(domain);
        address = "dave@" + domain;
        createAccount(address);
    }

    @Test
    void listsTheDefaultMailboxesSortedByNameWithTheirStatus() {
        JsonPath list = internal().get(mailboxes(address)).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", contains("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"))
                .body("specialUse", contains("\\Archive", "\\Drafts", null, "\\Junk", "\\Sent", "\\Trash"))
                .body("subscribed", everyItem(is(true)))
                .body("uidValidity", everyItem(greaterThan(0)))
                .body("uidNext", everyItem(is(1)))
                .body("highestModseq", everyItem(is(1)))
                .body("messages", everyItem(is(0)))
                .body("unseen", everyItem(is(0)))
                .body("recent", everyItem(is(0)))
                .extract().jsonPath();
        assertThat(list.getList("uidValidity", Long.class)).doesNotHaveDuplicates();
        assertThat(list.getList("id", Long.class)).doesNotHaveDuplicates();
    }

    @Test
    void theListCountsMessagesUnseenAndRecent() {
        long inbox = mailboxId(address, "INBOX");
        TestMessages messages = new TestMessages(pool);
        messages.append(inbox, TestMessages.unique("one"), 0);
        messages.append(inbox, TestMessages.unique("two"), 1);
        messages.append(inbox, TestMessages.unique("three"), 0);

        JsonPath list = internal().get(mailboxes(address)).then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("find { it.name == 'INBOX' }.messages")).isEqualTo(3);
        assertThat(list.getInt("find { it.name == 'INBOX' }.unseen")).isEqualTo(2);
        assertThat(list.getInt("find { it.name == 'INBOX' }.recent")).isEqualTo(3);
        assertThat(list.getInt("find { it.name == 'INBOX' }.uidNext")).isEqualTo(4);
        assertThat(list.getInt("find { it.name == 'INBOX' }.highestModseq")).isEqualTo(4);

        internal().body(Map.of("readOnly", false)).post(mailbox(address, inbox) + "/select").then().statusCode(200);
        internal().get(mailbox(address, inbox)).then().statusCode(200).body("recent", is(0)).body("messages", is(3));
    }

    @Test
    void createMakesTheMissingParentsUnsubscribed() {
        internal().body(Map.of("name", "Projects/2026/Q1")).post(mailboxes(address)).then()
                .statusCode(201)
                .header("Location", endsWith(mailboxes(address).replace("%40", "@") + "/"
                        + mailboxId(address, "Projects/2026/Q1")))
                .body("name", is("Projects/2026/Q1"))
                .body("subscribed", is(false))
                .body("specialUse", nullValue())
                .body("uidNext", is(1))
                .body("messages", is(0));
        internal().get(mailboxes(address)).then().statusCode(200)
                .body("name", hasItem("Projects"))
                .body("name", hasItem("Projects/2026"))
                .body("find { it.name == 'Projects/2026' }.subscribed", is(false));
    }

    @Test
    void createAnExistingNameIs409AndCreatesNoParent() {
        create(address, "Lists/Java");
        internal().delete(mailbox(address, mailboxId(address, "Lists"))).then().statusCode(204);

        internal().body(Map.of("name", "Lists/Java")).post(mailboxes(address)).then()
                .statusCode(409)
                .body("error", is("already_exists"));
        internal().get(mailboxes(address)).then().body("name", not(hasItem("Lists")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INBOX", "inbox", "InBoX"})
    void inboxAlwaysExistsInAnyCase(String name) {
        internal().body(Map.of("name", name)).post(mailboxes(address)).then()
                .statusCode(409)
                .body("error", is("already_exists"));
        internal().queryParam("name", name).get(mailboxes(address) + "/by-name").then()
                .statusCode(200)
                .body("name", is("INBOX"));
    }

    @Test
    void inboxIsCaseInsensitiveAsAParentToo() {
        create(address, "inbox/Receipts");
        internal().get(mailboxes(address)).then().body("name", hasItem("INBOX/Receipts"));
        assertThat(mailboxId(address, "Inbox/Receipts")).isEqualTo(mailboxId(address, "INBOX/Receipts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/Top", "Top/", "a//b", "a*b", "a%b", "tab\there"})
    void invalidNamesAre400(String name) {
        internal().body(Map.of("name", name)).post(mailboxes(address)).then()
                .statusCode(400)
                .body("error", is("invalid_request"));
    }

    @Test
    void aMissingNameIs400() {
        internal().body(Map.of()).post(mailboxes(address)).then().statusCode(400).body("error", is("invalid_request"));
        internal().get(mailboxes(address) + "/by-name").then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void anUnknownNameOrIdIs404() {
        internal().queryParam("name", "Nope").get(mailboxes(address) + "/by-name").then()
                .statusCode(404)
                .body("error", is("nonexistent"));
        internal().get(mailbox(address, Long.MAX_VALUE)).then().statusCode(404).body("error", is("nonexistent"));
        internal().get(mailboxes(address) + "/not-a-number").then().statusCode(404);
    }

    @Test
    void anotherAccountsMailboxIs404() {
        String other = "erin@" + address.substring(address.indexOf('@') + 1);
        createAccount(other);
        long theirs = mailboxId(other, "Sent");

        internal().get(mailbox(address, theirs)).then().statusCode(404).body("error", is("nonexistent"));
        internal().delete(mailbox(address, theirs)).then().statusCode(404);
        internal().body(Map.of("name", "Mine")).post(mailbox(address, theirs) + "/rename").then().statusCode(404);
        internal().body(Map.of("subscribed", false)).put(mailbox(address, theirs) + "/subscription").then().statusCode(404);
        internal().body(Map.of("readOnly", true)).post(mailbox(address, theirs) + "/select").then().statusCode(404);
        internal().queryParam("sinceModseq", 0).get(mailbox(address, theirs) + "/changes").then().statusCode(404);
        internal().get(mailbox(other, theirs)).then().statusCode(200).body("name", is("Sent"));
    }

    @Test
    void deleteRemovesTheMailboxButNotItsChildren() {
        create(address, "Old/Child");
        long old = mailboxId(address, "Old");

        internal().delete(mailbox(address, old)).then().statusCode(204);

        internal().get(mailbox(address, old)).then().statusCode(404);
        internal().get(mailboxes(address)).then()
                .body("name", not(hasItem("Old")))
                .body("name", hasItem("Old/Child"));
        internal().delete(mailbox(address, old)).then().statusCode(404).body("error", is("nonexistent"));
    }

    @Test
    void inboxCannotBeDeleted() {
        internal().delete(mailbox(address, mailboxId(address, "INBOX"))).then()
                .statusCode(409)
                .body("error", is("cannot"));
        internal().queryParam("name", "INBOX").get(mailboxes(address) + "/by-name").then().statusCode(200);
    }

    @Test
    void renameMovesTheHierarchyKeepingIdsAndUidValidity() {
        create(address, "Work/Clients/Acme");
        create(address, "Work/Admin");
        create(address, "Workshop");
        Map<String, JsonPath> before = new HashMap<>();
        for (String name : List.of("Work", "Work/Clients", "Work/Clients/Acme", "Work/Admin", "Workshop")) {
            before.put(name, byName(name));
        }

        internal().body(Map.of("name", "Jobs/Past")).post(mailbox(address, before.get("Work").getLong("id")) + "/rename").then()
                .statusCode(200)
                .body("name", is("Jobs/Past"))
                .body("id", is(before.get("Work").getInt("id")))
                .body("uidValidity", is(before.get("Work").getInt("uidValidity")));

        Map<String, String> renamed = Map.of("Work", "Jobs/Past", "Work/Clients", "Jobs/Past/Clients",
                "Work/Clients/Acme", "Jobs/Past/Clients/Acme", "Work/Admin", "Jobs/Past/Admin", "Workshop", "Workshop");
        renamed.forEach((from, to) -> {
            JsonPath now = byName(to);
            assertThat(now.getLong("id")).as(to).isEqualTo(before.get(from).getLong("id"));
            assertThat(now.getLong("uidValidity")).as(to).isEqualTo(before.get(from).getLong("uidValidity"));
        });
        internal().get(mailboxes(address)).then()
                .body("name", hasItem("Jobs")) // created: the new name's parent was missing
                .body("name", not(hasItem("Work")))
                .body("name", not(hasItem("Work/Admin")));
    }

    @Test
    void renameToAnExistingNameIs409() {
        long drafts = mailboxId(address, "Drafts");
        for (String name : List.of("Sent", "inbox", "Drafts")) {
            internal().body(Map.of("name", name)).post(mailbox(address, drafts) + "/rename").then()
                    .statusCode(409)
                    .body("error", is("already_exists"));
        }
    }

    @Test
    void renameWhoseInferiorWouldClashChangesNothing() {
        create(address, "A/x");
        create(address, "C/x");
        internal().delete(mailbox(address, mailboxId(address, "C"))).then().statusCode(204);

        internal().body(Map.of("name", "C")).post(mailbox(address, mailboxId(address, "A")) + "/rename").then()
                .statusCode(409)
                .body("error", is("already_exists"));
        internal().get(mailboxes(address)).then()
                .body("name", hasItem("A"))
                .body("name", hasItem("A/x"))
                .body("name", not(hasItem("C")));
    }

    @Test
    void renameIntoItselfIsRefused() {
        create(address, "Loop");
        internal().body(Map.of("name", "Loop/Inner")).post(mailbox(address, mailboxId(address, "Loop")) + "/rename").then()
                .statusCode(409)
                .body("error", is("cannot"));
    }

    @Test
    void renameUpOverANameTheSameRenameFrees() {
        // "P/Q" -> "P" turns "P/Q/Q" into "P/Q": the name "P/Q" is taken until the same rename frees it.
        create(address, "P/Q/Q");
        long q = mailboxId(address, "P/Q");
        long qq = mailboxId(address, "P/Q/Q");
        internal().delete(mailbox(address, mailboxId(address, "P"))).then().statusCode(204);

        internal().body(Map.of("name", "P")).post(mailbox(address, q) + "/rename").then()
                .statusCode(200)
                .body("name", is("P"));
        assertThat(mailboxId(address, "P")).isEqualTo(q);
        assertThat(mailboxId(address, "P/Q")).isEqualTo(qq);
    }

    @Test
    void renameErrors() {
        long sent = mailboxId(address, "Sent");
        internal().body(Map.of("name", "a//b")).post(mailbox(address, sent) + "/rename").then().statusCode(400);
        internal().body(Map.of()).post(mailbox(address, sent) + "/rename").then().statusCode(400);
        internal().body(Map.of("name", "Elsewhere")).post(mailbox(address, Long.MAX_VALUE) + "/rename").then()
                .statusCode(404)
                .body("error", is("nonexistent"));
        internal().body(Map.of("name", "Elsewhere")).post(mailboxes("nobody@" + address.substring(address.indexOf('@') + 1))
                + "/" + sent + "/rename").then().statusCode(404);
    }

    @Test
    void createsWithASpecialUseForTheNewMailboxOnly() {
        internal().body(Map.of("name", "Old/Sent", "specialUse", "\\sent")).post(mailboxes(address)).then()
                .statusCode(201).body("specialUse", is("\\Sent"));
        internal().get(mailbox(address, mailboxId(address, "Old"))).then().body("specialUse", nullValue());
        internal().body(Map.of("name", "Everything", "specialUse", "\\All")).post(mailboxes(address)).then()
                .statusCode(400).body("error", is("invalid_request"));
        internal().get(mailboxes(address)).then().body("name", not(hasItem("Everything")));
        // RENAME keeps the attribute: it is stored with the mailbox, not derived from the name.
        internal().body(Map.of("name", "Sent Items")).post(mailboxes(address) + "/by-name/rename?name=Sent").then()
                .statusCode(200).body("specialUse", is("\\Sent"));
    }

    @Test
    void listingCarriesMailboxesAndSubscribedNamesWithoutMailboxes() {
        create(address, "Gone");
        internal().put(subscriptions() + "?name=Gone").then().statusCode(204);
        internal().delete(mailboxes(address) + "/by-name?name=Gone").then().statusCode(204);
        internal().get("/internal/v1/accounts/" + segment(address) + "/listing").then()
                .statusCode(200)
                .body("mailboxes.name", contains("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"))
                .body("mailboxes.specialUse", contains("\\Archive", "\\Drafts", null, "\\Junk", "\\Sent", "\\Trash"))
                .body("mailboxes.messages", everyItem(is(0)))
                .body("subscriptions", contains("Archive", "Drafts", "Gone", "INBOX", "Junk", "Sent", "Trash"));
        internal().get("/internal/v1/accounts/nobody@" + segment(address.substring(address.indexOf('@') + 1)) + "/listing")
                .then().statusCode(404).body("error", is("nonexistent"));
    }

    @Test
    void subscriptionIsSetAndCleared() {
        long junk = mailboxId(address, "Junk");
        internal().delete(subscriptions() + "?name=Junk").then().statusCode(204);
        internal().get(mailbox(address, junk)).then().body("subscribed", is(false));
        internal().get(subscriptions()).then().statusCode(200)
                .body("$", contains("Archive", "Drafts", "INBOX", "Sent", "Trash"));
        internal().put(subscriptions() + "?name=Junk").then().statusCode(204);
        internal().put(subscriptions() + "?name=Junk").then().statusCode(204); // again: no error
        internal().get(mailbox(address, junk)).then().body("subscribed", is(true));
        internal().get(mailboxes(address)).then().body("find { it.name == 'Junk' }.subscribed", is(true));
        // INBOX in any case is INBOX.
        internal().delete(subscriptions() + "?name=inbox").then().statusCode(204);
        internal().get(subscriptions()).then().body("$", not(hasItem("INBOX")));
    }

    @Test
    void subscriptionErrors() {
        internal().put(subscriptions()).then().statusCode(400).body("error", is("invalid_request"));
        internal().put(subscriptions() + "?name=a//b").then().statusCode(400);
        internal().put(subscriptions() + "?name=Nowhere").then().statusCode(404).body("error", is("nonexistent"));
        internal().delete(subscriptions() + "?name=Nowhere").then().statusCode(404);
        internal().get("/internal/v1/accounts/" + segment("nobody@" + address.substring(address.indexOf('@') + 1))
                + "/subscriptions").then().statusCode(404);
    }

    @Test
    void aDeletedMailboxStaysSubscribedUntilUnsubscribed() {
        create(address, "Lists/Java");
        internal().put(subscriptions() + "?name=" + segment("Lists/Java")).then().statusCode(204);
        internal().delete(mailboxes(address) + "/by-name?name=" + segment("Lists/Java")).then().statusCode(204);

        // RFC 3501 §6.3.6: the server MUST NOT remove the name on its own.
        internal().get(subscriptions()).then().body("$", hasItem("Lists/Java"));
        // Created again: subscribed again.
        create(address, "Lists/Java");
        internal().get(mailbox(address, mailboxId(address, "Lists/Java"))).then().body("subscribed", is(true));
        internal().delete(mailboxes(address) + "/by-name?name=" + segment("Lists/Java")).then().statusCode(204);
        // A name without a mailbox can still be unsubscribed.
        internal().delete(subscriptions() + "?name=" + segment("Lists/Java")).then().statusCode(204);
        internal().get(subscriptions()).then().body("$", not(hasItem("Lists/Java")));
    }

    @Test
    void renameByNameMovesTheSubscriptionsOfTheHierarchy() {
        create(address, "Work/Reports/2026");
        internal().put(subscriptions() + "?name=Work").then().statusCode(204);
        internal().put(subscriptions() + "?name=" + segment("Work/Reports/2026")).then().statusCode(204);
        long id = mailboxId(address, "Work");

        internal().body(Map.of("name", "Job")).post(mailboxes(address) + "/by-name/rename?name=Work").then()
                .statusCode(200)
                .body("id", is((int) id))
                .body("name", is("Job"))
                .body("subscribed", is(true));
        internal().get(subscriptions()).then()
                .body("$", hasItem("Job"))
                .body("$", hasItem("Job/Reports/2026"))
                .body("$", not(hasItem("Job/Reports")))
                .body("$", not(hasItem("Work")))
                .body("$", not(hasItem("Work/Reports/2026")));
    }

    @Test
    void deleteAndStatusByName() {
        create(address, "Old");
        internal().get(mailboxes(address) + "/by-name?name=Old").then().statusCode(200).body("name", is("Old"));
        internal().delete(mailboxes(address) + "/by-name?name=Old").then().statusCode(204);
        internal().get(mailboxes(address) + "/by-name?name=Old").then().statusCode(404).body("error", is("nonexistent"));
        internal().delete(mailboxes(address) + "/by-name?name=Old").then().statusCode(404);
        internal().delete(mailboxes(address) + "/by-name").then().statusCode(400).body("error", is("invalid_request"));
        internal().delete(mailboxes(address) + "/by-name?name=inbox").then().statusCode(409).body("error", is("cannot"));
    }

    private String subscriptions() {
        return "/internal/v1/accounts/" + segment(address) + "/subscriptions";
    }

    private JsonPath byName(String name) {
        return internal().queryParam("name", segment(name)).get(mailboxes(address) + "/by-name").then()
                .statusCode(200).extract().jsonPath();
    }
}
