package io.postflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    @Test
    void shippedCatalogDeclaresEveryPlatformTopic() {
        TopicCatalog catalog = TopicCatalog.load(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE);
        assertThat(catalog.topics()).extracting(TopicSpec::name).containsExactlyInAnyOrder(
                "mail.accepted", "mail.deliver", "mail.retry.1m", "mail.retry.10m", "mail.retry.1h", "mail.retry.6h",
                "mail.status", "mailbox.events", "mail.deadletter", "directory.addresses");
    }

    @Test
    void mailTopicsKeepMailForAWeekWithoutSizeLimitAndTakeTheLargestMessage() {
        TopicCatalog catalog = TopicCatalog.load(26_214_400L);
        for (String name : new String[] {"mail.accepted", "mail.deliver", "mail.retry.1m", "mail.retry.6h", "mail.deadletter"}) {
            TopicSpec topic = catalog.topic(name).orElseThrow();
            assertThat(topic.topicClass()).isEqualTo(TopicSpec.TopicClass.SPOOL);
            assertThat(Long.parseLong(topic.configs().get("retention.ms"))).isGreaterThanOrEqualTo(7L * 24 * 3600 * 1000);
            assertThat(topic.configs()).containsEntry("retention.bytes", "-1")
                    .containsEntry("max.message.bytes", Long.toString(26_214_400L + 1_048_576L));
        }
    }

    @Test
    void maxMessageBytesFollowsTheSizeLimit() {
        TopicCatalog catalog = TopicCatalog.load(10_000_000L);
        assertThat(catalog.topic("mail.accepted").orElseThrow().configs())
                .containsEntry("max.message.bytes", Long.toString(10_000_000L + 1_048_576L));
    }

    @Test
    void directoryIsCompacted() {
        TopicSpec directory = TopicCatalog.load(1).topic("directory.addresses").orElseThrow();
        assertThat(directory.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void durabilityDependsOnClusterSize() {
        TopicSpec spool = TopicCatalog.load(1).topic("mail.accepted").orElseThrow();
        TopicSpec state = TopicCatalog.load(1).topic("mailbox.events").orElseThrow();
        assertThat(TopicProvisioner.durability(spool, 1)).containsEntry("flush.messages", "1").doesNotContainKey("min.insync.replicas");
        assertThat(TopicProvisioner.durability(state, 1)).doesNotContainKey("flush.messages");
        assertThat(TopicProvisioner.durability(spool, 3)).containsEntry("min.insync.replicas", "2").doesNotContainKey("flush.messages");
        assertThat(TopicProvisioner.replicationFactor(1)).isEqualTo((short) 1);
        assertThat(TopicProvisioner.replicationFactor(5)).isEqualTo((short) 3);
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> TopicCatalog.parse("a.topic x spool", 1)).hasMessageContaining("line 1");
        assertThatThrownBy(() -> TopicCatalog.parse("\na.topic 1 durable", 1)).hasMessageContaining("unknown class");
        assertThatThrownBy(() -> TopicCatalog.parse("a.topic 1 spool retention", 1)).hasMessageContaining("key=value");
        assertThatThrownBy(() -> TopicCatalog.parse("a.topic 1 spool x=${nope}", 1)).hasMessageContaining("placeholder");
        assertThatThrownBy(() -> TopicCatalog.parse("a.topic 0 spool", 1)).hasMessageContaining("at least 1");
    }
}
