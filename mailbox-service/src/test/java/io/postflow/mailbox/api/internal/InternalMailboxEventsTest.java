package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.create;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailbox;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.event.MailboxEventCodec;
import io.postflow.common.record.Topics;
import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change of the mailbox list is announced on mailbox.events, keyed by the mailbox id. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMailboxEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, byte[]> events;
    String address;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(bootstrap);
        events = kafka.consume(String.class, byte[].class).fromTopics(Topics.MAILBOX_EVENTS);
        String domain = uniqueDomain("events");
        createDomain(domain);
        address = "judy@" + domain;
        createAccount(address);
    }

    @AfterEach
    void tearDown() {
        events.stop();
        kafka.close();
    }

    @Test
    void createAnnouncesTheMailboxAndTheParentsItMade() {
        long leaf = create(address, "Top/Leaf").getLong("id");
        long top = mailboxId(address, "Top");

        MailboxEvent event = awaitEvents(leaf, 1).get(0);
        assertThat(event.type()).isEqualTo(MailboxEvent.Type.MAILBOXES);
        assertThat(event.account()).isEqualTo(address);
        assertThat(event.mailboxId()).isEqualTo(leaf);
        assertThat(event.uidNext()).isEqualTo(1);
        assertThat(event.uids()).isEmpty();
        assertThat(awaitEvents(top, 1).get(0).type()).isEqualTo(MailboxEvent.Type.MAILBOXES);
    }

    @Test
    void deleteRenameAndSubscriptionAnnounceTheirMailboxes() {
        long doomed = create(address, "Doomed").getLong("id");
        long moving = create(address, "Moving/Inner").getLong("id");
        long parent = mailboxId(address, "Moving");
        long junk = mailboxId(address, "Junk");

        internal().delete(mailbox(address, doomed)).then().statusCode(204);
        internal().body(Map.of("name", "Moved")).post(mailbox(address, parent) + "/rename").then().statusCode(200);
        internal().delete("/internal/v1/accounts/" + segment(address) + "/subscriptions?name=Junk").then().statusCode(204);

        assertThat(awaitEvents(doomed, 2)).extracting(MailboxEvent::type)
                .containsExactly(MailboxEvent.Type.MAILBOXES, MailboxEvent.Type.MAILBOXES); // created, deleted
        assertThat(awaitEvents(parent, 2)).extracting(MailboxEvent::type).containsOnly(MailboxEvent.Type.MAILBOXES);
        assertThat(awaitEvents(moving, 2)).extracting(MailboxEvent::type).containsOnly(MailboxEvent.Type.MAILBOXES);
        assertThat(awaitEvents(junk, 1).get(0).type()).isEqualTo(MailboxEvent.Type.MAILBOXES);
    }

    @Test
    void renamingInboxAnnouncesTheExpungeAndTheNewMailbox() {
        long inbox = mailboxId(address, "INBOX");
        TestMessages messages = new TestMessages(pool);
        messages.appendUnseen(inbox, 2);

        long target = internal().body(Map.of("name", "Archive/Inbox 2025")).post(mailbox(address, inbox) + "/rename").then()
                .statusCode(200).extract().jsonPath().getLong("id");

        MailboxEvent expunge = awaitEvents(inbox, 1).get(0);
        assertThat(expunge.type()).isEqualTo(MailboxEvent.Type.EXPUNGE);
        assertThat(expunge.uids()).containsExactly(1L, 2L);
        assertThat(expunge.modseq()).isEqualTo(4); // 1 at creation, 2 appends, the move
        assertThat(expunge.uidNext()).isEqualTo(3);
        List<MailboxEvent> targetEvents = awaitEvents(target, 2);
        assertThat(targetEvents).extracting(MailboxEvent::type)
                .containsExactlyInAnyOrder(MailboxEvent.Type.EXISTS, MailboxEvent.Type.MAILBOXES);
        MailboxEvent exists = targetEvents.stream().filter(e -> e.type() == MailboxEvent.Type.EXISTS).findFirst().orElseThrow();
        assertThat(exists.uids()).containsExactly(1L, 2L);
        assertThat(exists.uidNext()).isEqualTo(3);
    }

    /**
     * Waits for at least {@code count} events of the mailbox; answers all seen so far, oldest
     * first. Other applications of this JVM (other test profiles, other databases) publish on the
     * same broker with the same ids, so the account, unique to this test, is checked too.
     */
    private List<MailboxEvent> awaitEvents(long mailboxId, int count) {
        String key = Long.toString(mailboxId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(key)).hasSizeGreaterThanOrEqualTo(count));
        return eventsOf(key);
    }

    private List<MailboxEvent> eventsOf(String key) {
        return events.getRecords().stream().filter(r -> key.equals(r.key()))
                .map(r -> MailboxEventCodec.decode(r.value()))
                .filter(e -> address.equals(e.account()))
                .toList();
    }
}
