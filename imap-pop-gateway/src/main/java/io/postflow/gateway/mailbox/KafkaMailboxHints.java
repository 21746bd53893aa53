package io.postflow.gateway.mailbox;

import io.postflow.common.event.MailboxEvent;
import io.postflow.common.event.MailboxEventCodec;
import io.postflow.common.record.Topics;
import io.postflow.gateway.imap.session.MailboxHints;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code mailbox.events} read by every gateway instance in full (manual assignment, no consumer
 * group), from the end: only changes after start-up matter, a session catches up on SELECT. Each
 * event pokes the sessions that have its mailbox selected; they then ask for the changes.
 * The consumer polls on its own daemon thread, never on an event loop.
 */
@ApplicationScoped
public class KafkaMailboxHints implements MailboxHints {

    private static final Logger LOG = Logger.getLogger(KafkaMailboxHints.class);

    private final Map<Long, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String bootstrap;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public KafkaMailboxHints(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "imap-pop-gateway-events-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "mailbox-events-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Runnable watch(long mailboxId, Runnable hint) {
        watchers.computeIfAbsent(mailboxId, id -> ConcurrentHashMap.newKeySet()).add(hint);
        return () -> watchers.computeIfPresent(mailboxId, (id, set) -> {
            set.remove(hint);
            return set.isEmpty() ? null : set;
        });
    }

    /** Pokes the watchers of a mailbox (what an event does; also for tests). */
    public void hint(long mailboxId) {
        Set<Runnable> set = watchers.get(mailboxId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
            }
        } catch (WakeupException closing) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.error("mailbox.events reader stopped; sessions see changes on NOOP and their own commands only", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> partitions() {
        while (running.get()) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.MAILBOX_EVENTS, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.warnf("topic %s not found yet; retrying", Topics.MAILBOX_EVENTS);
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            MailboxEvent event = MailboxEventCodec.decode(record.value());
            if (event.type() != MailboxEvent.Type.MAILBOXES) {
                hint(event.mailboxId());
            }
        } catch (RuntimeException e) {
            LOG.warnf("skipping mailbox event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
            thread.join(5000);
        }
    }
}
