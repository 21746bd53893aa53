package io.postflow.mailbox.domain.directory;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createAlias;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.directory.DirectoryEntry.Account;
import io.postflow.common.directory.DirectoryEntry.Alias;
import io.postflow.common.directory.DirectoryEntry.LocalDomain;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.DirectoryTopic;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The full republish and the outbox repair rebuild the topic from the database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DirectoryRepairTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static DirectoryTopic topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool pool;

    @Inject
    DirectoryRepublisher republisher;

    @Inject
    DirectoryRepair repair;

    Database db;

    @BeforeEach
    void setUp() {
        if (topic == null) {
            topic = DirectoryTopic.open(bootstrapServers);
        }
        db = new Database(pool);
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @Test
    void aRepublishWritesEveryLiveEntryAgainPostmastersIncluded() {
        String full = uniqueDomain("republish");
        String empty = uniqueDomain("republish-empty");
        createDomain(full);
        createDomain(empty);
        createAccount("alice@" + full);
        createAccount("bob@" + full);
        createAlias("info@" + full, "alice@" + full, "someone@remote.example");
        createAccount("gone@" + full);
        admin().delete("/api/v1/accounts/" + segment("gone@" + full)).then().statusCode(204);
        topic.awaitTombstone("gone@" + full);
        List<String> live = List.of(full, empty, "alice@" + full, "bob@" + full, "info@" + full, "postmaster@" + full);
        int[] before = live.stream().mapToInt(key -> topic.recordsOf(key).size()).toArray();
        int goneBefore = topic.recordsOf("gone@" + full).size();

        DirectoryRepublisher.Report report = republisher.republishAll().await().atMost(TIMEOUT);

        assertThat(report.domains()).isGreaterThanOrEqualTo(2);
        assertThat(report.accounts()).isGreaterThanOrEqualTo(2);
        assertThat(report.aliases()).isGreaterThanOrEqualTo(1);
        assertThat(report.domainsWithoutPostmaster()).isGreaterThanOrEqualTo(1);
        await().atMost(DirectoryTopic.WAIT).untilAsserted(() -> {
            for (int i = 0; i < live.size(); i++) {
                assertThat(topic.recordsOf(live.get(i))).as(live.get(i)).hasSizeGreaterThan(before[i]);
            }
        });
        assertThat(topic.latest(full)).isEqualTo(new LocalDomain(full));
        assertThat(topic.latest(empty)).isEqualTo(new LocalDomain(empty));
        assertThat(topic.latest("alice@" + full)).isEqualTo(new Account("alice@" + full));
        assertThat(topic.latest("bob@" + full)).isEqualTo(new Account("bob@" + full));
        assertThat(topic.latest("info@" + full)).isEqualTo(new Alias("info@" + full, List.of("alice@" + full, "someone@remote.example")));
        assertThat(topic.latest("postmaster@" + full)).isEqualTo(new Alias("postmaster@" + full, List.of("alice@" + full)));
        // postmaster@ of a domain without accounts stays absent; a deleted account is not resurrected.
        assertThat(topic.latest("postmaster@" + empty)).isNull();
        assertThat(topic.recordsOf("gone@" + full)).hasSize(goneBefore);
    }

    @Test
    void theRepairPublishesChangesWhosePublicationWasLost() {
        // As if the service had died between commit and publication: rows in the tables and the
        // outbox, nothing on the topic.
        String domain = uniqueDomain("repair");
        db.query("INSERT INTO domain (name) VALUES ($1)", domain);
        db.query("INSERT INTO directory_outbox (entry_key, created_at) VALUES ($1, now() - interval '1 hour'), "
                + "($2, now() - interval '1 hour'), ($3, now() - interval '1 hour')",
                domain, "postmaster@" + domain, "deleted@" + domain);
        assertThat(topic.recordsOf(domain)).isEmpty();

        long repaired = repair.drainOutbox().await().atMost(TIMEOUT);

        assertThat(repaired).isGreaterThanOrEqualTo(3);
        topic.awaitEntry(new LocalDomain(domain));
        topic.awaitTombstone("postmaster@" + domain);
        topic.awaitTombstone("deleted@" + domain); // a lost tombstone is written after all
        assertThat(db.count("SELECT count(*) FROM directory_outbox WHERE entry_key IN ($1, $2, $3)",
                domain, "postmaster@" + domain, "deleted@" + domain)).isZero();
    }

    @Test
    void theRepairLeavesRecentRowsToTheCallThatIsStillPublishingThem() {
        String key = "in-flight@" + uniqueDomain("repair-recent");
        db.query("INSERT INTO directory_outbox (entry_key) VALUES ($1)", key);
        repair.drainOutbox().await().atMost(TIMEOUT);
        assertThat(db.count("SELECT count(*) FROM directory_outbox WHERE entry_key = $1", key)).isOne();
        assertThat(topic.recordsOf(key)).isEmpty();
        db.query("DELETE FROM directory_outbox WHERE entry_key = $1", key);
    }
}
