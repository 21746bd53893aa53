package io.postflow.mailbox.domain.directory;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createAlias;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.address.Domain;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every committed directory change is on directory.addresses when the admin call answers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DirectoryPublicationTest {

    static DirectoryTopic topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool pool;

    String domain;

    @BeforeEach
    void setUp() {
        if (topic == null) {
            topic = DirectoryTopic.open(bootstrapServers);
        }
        domain = uniqueDomain("directory");
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @Test
    void aNewDomainIsPublishedAndHasNoPostmasterRouteUntilItHasAnAccount() {
        createDomain(domain);
        topic.awaitEntry(new LocalDomain(domain));
        topic.awaitTombstone("postmaster@" + domain);
    }

    @Test
    void anInternationalDomainIsPublishedByItsALabel() {
        String unicode = "bücher-" + domain;
        createDomain(unicode);
        topic.awaitEntry(new LocalDomain(Domain.parse(unicode).ascii()));
    }

    @Test
    void aNewAccountIsPublishedAndTheFirstOneReceivesPostmasterMail() {
        createDomain(domain);
        createAccount("Alice@" + domain);
        topic.awaitEntry(new Account("alice@" + domain));
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("alice@" + domain)));

        createAccount("bob@" + domain);
        topic.awaitEntry(new Account("bob@" + domain));
        // The oldest account keeps the postmaster role.
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("alice@" + domain)));
    }

    @Test
    void aPostmasterAccountIsItsOwnEntry() {
        createDomain(domain);
        createAccount("alice@" + domain);
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("alice@" + domain)));
        createAccount("PostMaster@" + domain);
        topic.awaitEntry(new Account("postmaster@" + domain));
        // Deleted, the role falls back to the oldest account.
        admin().delete("/api/v1/accounts/" + segment("postmaster@" + domain)).then().statusCode(204);
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("alice@" + domain)));
    }

    @Test
    void deletingAccountsMovesOrRemovesThePostmasterRoute() {
        createDomain(domain);
        createAccount("alice@" + domain);
        createAccount("bob@" + domain);
        admin().delete("/api/v1/accounts/" + segment("alice@" + domain)).then().statusCode(204);
        topic.awaitTombstone("alice@" + domain);
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("bob@" + domain)));
        admin().delete("/api/v1/accounts/" + segment("bob@" + domain)).then().statusCode(204);
        topic.awaitTombstone("bob@" + domain);
        topic.awaitTombstone("postmaster@" + domain);
        topic.awaitEntry(new LocalDomain(domain));
    }

    @Test
    void aliasesArePublishedWithCanonicalTargetsAndRemovedAsTombstones() {
        createDomain(domain);
        createAlias("Sales@" + domain, "Carol@Remote.Example", "dave@" + domain);
        topic.awaitEntry(new Alias("sales@" + domain, List.of("carol@remote.example", "dave@" + domain)));
        admin().delete("/api/v1/aliases/" + segment("sales@" + domain)).then().statusCode(204);
        topic.awaitTombstone("sales@" + domain);
    }

    @Test
    void aPostmasterAliasReplacesTheDefaultRouteUntilItIsDeleted() {
        createDomain(domain);
        createAccount("alice@" + domain);
        createAlias("postmaster@" + domain, "abuse-desk@remote.example");
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("abuse-desk@remote.example")));
        admin().delete("/api/v1/aliases/" + segment("postmaster@" + domain)).then().statusCode(204);
        topic.awaitEntry(new Alias("postmaster@" + domain, List.of("alice@" + domain)));
    }

    @Test
    void deletingADomainTombstonesItItsAliasesAndItsPostmaster() {
        createDomain(domain);
        createAlias("info@" + domain, "x@remote.example");
        createAlias("sales@" + domain, "y@remote.example");
        topic.awaitEntry(new Alias("sales@" + domain, List.of("y@remote.example")));
        admin().delete("/api/v1/domains/" + domain).then().statusCode(204);
        topic.awaitTombstone(domain);
        topic.awaitTombstone("info@" + domain);
        topic.awaitTombstone("sales@" + domain);
        topic.awaitTombstone("postmaster@" + domain);
    }

    @Test
    void aNewPasswordRepublishesTheAccountSoCachedLoginsAreDropped() {
        createDomain(domain);
        createAccount("erin@" + domain);
        topic.awaitEntry(new Account("erin@" + domain));
        int before = topic.recordsOf("erin@" + domain).size();
        admin().body(Map.of("password", "a fresh passphrase")).patch("/api/v1/accounts/" + segment("erin@" + domain)).then()
                .statusCode(204);
        await().atMost(DirectoryTopic.WAIT).untilAsserted(() -> assertThat(topic.recordsOf("erin@" + domain)).hasSize(before + 1));
        assertThat(topic.latest("erin@" + domain)).isEqualTo(new Account("erin@" + domain));
    }

    @Test
    void aRefusedChangePublishesNothing() {
        createDomain(domain);
        createAccount("frank@" + domain);
        topic.awaitEntry(new Account("frank@" + domain));
        int before = topic.recordsOf("frank@" + domain).size();
        admin().body(Map.of("address", "frank@" + domain, "password", "another passphrase")).post("/api/v1/accounts").then()
                .statusCode(409);
        createAccount("grace@" + domain);
        topic.awaitEntry(new Account("grace@" + domain)); // published after the refused call
        assertThat(topic.recordsOf("frank@" + domain)).hasSize(before);
    }

    @Test
    void publishedChangesLeaveNothingInTheOutbox() {
        createDomain(domain);
        createAccount("heidi@" + domain);
        Database db = new Database(pool);
        await().atMost(DirectoryTopic.WAIT).untilAsserted(() -> assertThat(db.count(
                "SELECT count(*) FROM directory_outbox WHERE entry_key IN ($1, $2, $3)",
                domain, "heidi@" + domain, "postmaster@" + domain)).isZero());
    }
}
