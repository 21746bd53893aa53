package io.postflow.mailbox.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Makes the share of {@code mail.deliver} this instance owns visible: each assignment and
 * revocation is logged, and the gauge {@code postflow.delivery.assigned.partitions} says how many
 * partitions it consumes now. With two instances in the group each owns a part; after one dies the
 * other takes all of them once the session timeout has passed.
 */
@ApplicationScoped
@Identifier(DeliveryRebalanceLog.NAME)
public class DeliveryRebalanceLog implements KafkaConsumerRebalanceListener {

    static final String NAME = "mail-deliver-rebalance";
    private static final Logger LOG = Logger.getLogger(DeliveryRebalanceLog.class);

    private final AtomicInteger owned;

    public DeliveryRebalanceLog(MeterRegistry registry) {
        this.owned = registry.gauge("postflow.delivery.assigned.partitions", new AtomicInteger());
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        owned.set(consumer.assignment().size());
        LOG.infof("mail.deliver partitions assigned %s; now owns %d", sorted(partitions), owned.get());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        owned.set(Math.max(0, consumer.assignment().size() - partitions.size()));
        LOG.infof("mail.deliver partitions revoked %s", sorted(partitions));
    }

    private static java.util.List<String> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }
}
