package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SELECT claims \Recent atomically (RFC 3501 §2.3.2); EXAMINE claims nothing. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalSelectTest {

    private static final int SESSIONS = 8;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    TestMessages messages;
    ExecutorService threads;
    String address;
    long inbox;

    @BeforeEach
    void account() {
        messages = new TestMessages(pool);
        threads = Executors.newFixedThreadPool(SESSIONS);
        String domain = uniqueDomain("select");
        createDomain(domain);
        address = "heidi@" + domain;
        createAccount(address);
        inbox = mailboxId(address, "INBOX");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void selectReportsTheMailboxAndClaimsTheRecentMessages() {
        messages.append(inbox, TestMessages.unique("a"), 1, "$Forwarded");
        long firstUnseen = messages.append(inbox, TestMessages.unique("b"), 4, "Work", "$Forwarded");
        messages.append(inbox, TestMessages.unique("c"), 0);
        JsonPath status = internal().get(mailbox(address, inbox)).then().statusCode(200).extract().jsonPath();

        select(false).then()
                .statusCode(200)
                .body("id", is((int) inbox))
                .body("name", is("INBOX"))
                .body("uidValidity", is(status.getInt("uidValidity")))
                .body("uidNext", is(4))
                .body("highestModseq", is(status.getInt("highestModseq")))
                .body("messages", is(3))
                .body("unseen", is(2))
                .body("firstUnseen", is((int) firstUnseen))
                .body("recentUids", is(List.of(1, 3)))
                .body("keywords", is(List.of("$Forwarded", "Work")));

        select(false).then().statusCode(200).body("recentUids", nullValue()).body("messages", is(3));
        long next = messages.append(inbox, TestMessages.unique("d"), 0);
        select(false).then().statusCode(200).body("recentUids", is(List.of((int) next, (int) next)));
    }

    @Test
    void anEmptyOrAllSeenMailboxHasNoFirstUnseenNoRecentAndNoKeywords() {
        long sent = mailboxId(address, "Sent");
        internal().body(Map.of("readOnly", false)).post(mailbox(address, sent) + "/select").then()
                .statusCode(200)
                .body("messages", is(0))
                .body("firstUnseen", nullValue())
                .body("recentUids", nullValue())
                .body("keywords", empty());
        messages.append(sent, TestMessages.unique("seen"), 1);
        internal().body(Map.of("readOnly", true)).post(mailbox(address, sent) + "/select").then()
                .statusCode(200)
                .body("firstUnseen", nullValue())
                .body("unseen", is(0));
    }

    @Test
    void examineClaimsNothing() {
        messages.appendUnseen(inbox, 2);

        select(true).then().statusCode(200).body("recentUids", is(List.of(1, 2)));
        select(true).then().statusCode(200).body("recentUids", is(List.of(1, 2)));
        internal().get(mailbox(address, inbox)).then().body("recent", is(2));

        select(false).then().statusCode(200).body("recentUids", is(List.of(1, 2)));
        select(true).then().statusCode(200).body("recentUids", nullValue());
    }

    @Test
    void concurrentSelectsGetDisjointRecentMessages() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<Long> added = messages.appendUnseen(inbox, 3);
            List<JsonPath> answers = selectAtOnce();
            assertThat(claimed(answers)).as("round %d: exactly one session gets the new messages", round)
                    .containsExactly(List.of(added.get(0).intValue(), added.get(2).intValue()));
        }
    }

    @Test
    void selectsQueuedBehindALockStillClaimEachMessageOnce() throws Exception {
        List<Long> added = messages.appendUnseen(inbox, 3);
        // Hold the mailbox row, so every SELECT has read what it reads before it waits; each must
        // still see the claim of the one that went before it.
        SqlConnection holder = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction transaction = holder.begin().await().atMost(WAIT);
            holder.preparedQuery("SELECT id FROM mailbox WHERE id = $1 FOR UPDATE").execute(Tuple.of(inbox))
                    .await().atMost(WAIT);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<JsonPath>> calls = fire(start);
            start.countDown();
            await().atMost(WAIT).until(() -> new Database(pool).count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    == SESSIONS);
            transaction.commit().await().atMost(WAIT);
            assertThat(claimed(collect(calls))).containsExactly(List.of(added.get(0).intValue(), added.get(2).intValue()));
        } finally {
            holder.close().await().atMost(WAIT);
        }
    }

    @Test
    void missingReadOnlyIs400AndUnknownMailbox404() {
        internal().body(Map.of()).post(mailbox(address, inbox) + "/select").then()
                .statusCode(400)
                .body("error", is("invalid_request"));
        internal().body(Map.of("readOnly", false)).post(mailbox(address, Long.MAX_VALUE) + "/select").then()
                .statusCode(404)
                .body("error", is("nonexistent"));
    }

    private io.restassured.response.Response select(boolean readOnly) {
        return internal().body(Map.of("readOnly", readOnly)).post(mailbox(address, inbox) + "/select");
    }

    /** Fires SESSIONS selects released by one latch, so they reach the database together. */
    private List<JsonPath> selectAtOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<JsonPath>> calls = fire(start);
        start.countDown();
        return collect(calls);
    }

    private List<CompletableFuture<JsonPath>> fire(CountDownLatch start) {
        List<CompletableFuture<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return select(false).then().statusCode(200).extract().jsonPath();
            }, threads));
        }
        return calls;
    }

    private static List<JsonPath> collect(List<CompletableFuture<JsonPath>> calls) throws Exception {
        List<JsonPath> answers = new ArrayList<>();
        for (CompletableFuture<JsonPath> call : calls) {
            answers.add(call.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** The recent ranges the sessions got; a session with nothing left to claim gets null. */
    private static List<List<Integer>> claimed(List<JsonPath> answers) {
        List<List<Integer>> ranges = new ArrayList<>();
        for (JsonPath answer : answers) {
            if (answer.get("recentUids") != null) {
                ranges.add(answer.getList("recentUids", Integer.class));
            }
        }
        return ranges;
    }
}
