package io.postflow.mailbox.persistence;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.create;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.Database;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expunge log entries past the retention (7 days by default) are pruned in bounded batches, the
 * pruned horizon is recorded per mailbox, and a session below it is refused rather than answered
 * without those expunges.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ExpungeLogPrunerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    ExpungeLogPruner pruner;

    @Test
    void prunesOldEntriesInBatchesAndRecordsTheHorizon() {
        Database db = new Database(pool);
        String domain = uniqueDomain("prune");
        createDomain(domain);
        String address = "pia@" + domain;
        createAccount(address);
        long inbox = mailboxId(address, "INBOX");
        long backlogBox = create(address, "Backlog").getLong("id");
        // INBOX: three expunges of 8 days ago (MODSEQ 2 to 4) and a recent one (MODSEQ 5).
        db.query("UPDATE mailbox SET highestmodseq = 5, uidnext = 5 WHERE id = $1", inbox);
        db.query("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq, expunged_at)"
                + " SELECT $1, u, u + 1, now() - interval '8 days' FROM generate_series(1, 3) u", inbox);
        db.query("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq) VALUES ($1, 4, 5)", inbox);
        // Backlog: a backlog of more than two batches, older still, so the first batch takes it.
        int backlog = 2 * ExpungeLogPruner.BATCH + 200;
        db.query("UPDATE mailbox SET highestmodseq = $2, uidnext = $2 WHERE id = $1", backlogBox, backlog + 1L);
        db.query("INSERT INTO mailbox_expunged (mailbox_id, uid, modseq, expunged_at)"
                + " SELECT $1, u, u + 1, now() - interval '10 days' FROM generate_series(1, $2) u", backlogBox, backlog);

        int first = pruner.pruneBatch().await().atMost(TIMEOUT);

        assertThat(first).as("one statement deletes at most one batch").isEqualTo(ExpungeLogPruner.BATCH);
        assertThat(entries(db, backlogBox)).isEqualTo(backlog - ExpungeLogPruner.BATCH);
        assertThat(horizon(db, backlogBox)).as("the highest MODSEQ deleted so far, oldest first")
                .isEqualTo(ExpungeLogPruner.BATCH + 1L);
        assertThat(horizon(db, inbox)).isZero();

        long rest = pruner.prune().await().atMost(TIMEOUT);

        assertThat(rest).isEqualTo(backlog - ExpungeLogPruner.BATCH + 3L);
        assertThat(entries(db, backlogBox)).isZero();
        assertThat(horizon(db, backlogBox)).isEqualTo(backlog + 1L);
        assertThat(db.query("SELECT uid FROM mailbox_expunged WHERE mailbox_id = $1", inbox))
                .extracting(row -> row.getLong("uid")).as("the recent expunge is kept").containsExactly(4L);
        assertThat(horizon(db, inbox)).isEqualTo(4L);
        assertThat(pruner.prune().await().atMost(TIMEOUT)).as("nothing left past the retention").isZero();

        // A session that knows MODSEQ 3 would miss the expunge of MODSEQ 4: refused. From 4 on, complete.
        changes(address, inbox, 3).statusCode(410).body("error", is("changes_pruned"));
        changes(address, inbox, 4).statusCode(200).body("expunged", is(List.of(4)));
    }

    private static long entries(Database db, long mailbox) {
        return db.count("SELECT count(*) FROM mailbox_expunged WHERE mailbox_id = $1", mailbox);
    }

    private static long horizon(Database db, long mailbox) {
        return db.single("SELECT expunge_pruned_modseq FROM mailbox WHERE id = $1", mailbox).getLong(0);
    }

    private static io.restassured.response.ValidatableResponse changes(String address, long mailbox, long since) {
        return internal().queryParam("sinceModseq", since).get(mailbox(address, mailbox) + "/changes").then();
    }
}
