package io.postflow.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Brings a cluster's topics in line with the catalog: creates what is missing, adds partitions where
 * the catalog asks for more (never fewer: that would reorder keys), and sets each declared config.
 * Running it again changes nothing, so mailctl and tests call it at every start.
 */
public final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** What a topic gets on top of its declared configs, given the cluster size. */
    static Map<String, String> durability(TopicSpec topic, int brokers) {
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        if (brokers >= 3) {
            configs.put("min.insync.replicas", "2");
        } else if (topic.topicClass() == TopicSpec.TopicClass.SPOOL) {
            // No replica to survive a crash: fsync every append instead.
            configs.put("flush.messages", "1");
        }
        return configs;
    }

    static short replicationFactor(int brokers) {
        return (short) Math.min(3, brokers);
    }

    /** Applies the catalog; returns the names of topics it created. */
    public List<String> apply(TopicCatalog catalog) throws InterruptedException {
        try {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> created = createMissing(catalog.topics(), existing, brokers);
            List<TopicSpec> present = catalog.topics().stream().filter(t -> existing.contains(t.name())).toList();
            growPartitions(present);
            alterConfigs(present, brokers);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topic provisioning failed: " + e.getMessage(), e);
        }
    }

    private List<String> createMissing(Collection<TopicSpec> topics, Set<String> existing, int brokers)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec topic : topics) {
            if (!existing.contains(topic.name())) {
                missing.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor(brokers))
                        .configs(durability(topic, brokers)));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return missing.stream().map(NewTopic::name).toList();
    }

    private void growPartitions(List<TopicSpec> topics) throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics.stream().map(TopicSpec::name).toList())
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        for (TopicSpec topic : topics) {
            if (descriptions.get(topic.name()).partitions().size() < topic.partitions()) {
                grow.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
            }
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void alterConfigs(List<TopicSpec> topics, int brokers) throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        for (TopicSpec topic : topics) {
            List<AlterConfigOp> set = durability(topic, brokers).entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), set);
        }
        if (!ops.isEmpty()) {
            admin.incrementalAlterConfigs(ops).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
