package io.postflow.relay.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.record.Topics;
import io.postflow.relay.config.RelayConfig;
import io.postflow.relay.delivery.RelayMetrics;
import io.postflow.relay.delivery.RelayProcessor;
import io.postflow.relay.dsn.DsnBuilder;
import io.postflow.relay.outbound.OutboundTransport;
import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.routing.AliasExpander;
import io.postflow.relay.routing.Router;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the relay's three consumer groups, each on its own thread: {@code mail.accepted}, the
 * retry tiers (paused per partition until due) and {@code mail.status} (local failures to bounce).
 * They start once the directory is loaded, so nothing is ever routed against a partial directory.
 */
@Singleton
public class RelayWorkers {

    private static final Logger LOG = Logger.getLogger(RelayWorkers.class);
    static final String GROUP = "relay-worker";

    private final RelayConfig config;
    private final DirectoryView directory;
    private final Instance<OutboundTransport> transport;
    private final Clock clock;
    private final MeterRegistry registry;
    private final String bootstrapServers;
    private final int maxRecordBytes;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private KafkaRelayOutput output;
    private DeliverRecordFinder finder;
    private Thread starter;
    private final ExecutorService recording = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "relay-outcomes");
        t.setDaemon(true);
        return t;
    });

    public RelayWorkers(RelayConfig config, DirectoryView directory, Instance<OutboundTransport> transport, Clock clock,
                        MeterRegistry registry, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "postflow.smtp.max-message-size", defaultValue = "26214400") int maxMessageSize) {
        this.config = config;
        this.directory = directory;
        this.transport = transport;
        this.clock = clock;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.maxRecordBytes = maxMessageSize + (1 << 20); // as the topics: SIZE + 1 MiB for headers
    }

    void start(@Observes StartupEvent event) {
        if (!transport.isResolvable()) {
            // Remote delivery is a separate component; without it nothing may be consumed (remote
            // recipients could not be served), so the workers stay stopped and readiness DOWN.
            LOG.error("no OutboundTransport bean: the relay workers do not start");
            return;
        }
        RetrySchedule schedule = RetrySchedule.of(config.retry()); // fails start-up on a bad schedule
        output = new KafkaRelayOutput(bootstrapServers, maxRecordBytes);
        RelayProcessor processor = new RelayProcessor(
                new Router(new AliasExpander(directory, config.maxAliasDepth()), config.maxReceivedHeaders()),
                transport.get(), output, new DsnBuilder(reportingMta()), schedule, clock, new RelayMetrics(registry), recording);
        MailRecordHandler mail = new MailRecordHandler(processor, schedule, new DeadLetters(output));
        finder = new DeliverRecordFinder(bootstrapServers, config.workers().bounceLookback());
        int batch = config.workers().maxPollRecords();
        loops.add(new ConsumerLoop("accepted", bootstrapServers, GROUP, List.of(Topics.MAIL_ACCEPTED), batch, mail, clock));
        loops.add(new ConsumerLoop("retry", bootstrapServers, GROUP + "-retry", Topics.retryTiers(), batch, mail, clock));
        loops.add(new ConsumerLoop("status", bootstrapServers, GROUP + "-status", List.of(Topics.MAIL_STATUS), batch,
                new StatusRecordHandler(processor, finder), clock));
        for (ConsumerLoop loop : loops) {
            registry.gauge("postflow.relay.assigned.partitions", Tags.of("loop", loop.name()), loop,
                    ConsumerLoop::assignedPartitions);
        }
        starter = new Thread(this::startWhenLoaded, "relay-workers-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void startWhenLoaded() {
        try {
            while (!directory.loaded()) {
                Thread.sleep(100);
            }
            warmUp();
            loops.forEach(ConsumerLoop::start);
            LOG.info("relay workers consuming mail.accepted, the retry tiers and mail.status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warmUp() {
        try {
            output.warmUp();
        } catch (RuntimeException e) {
            LOG.warnf("topic metadata not available yet (%s); the workers start anyway and retry", e.toString());
        }
    }

    /** True when every worker thread runs (before the directory is loaded they have not started). */
    public boolean running() {
        return !loops.isEmpty() && loops.stream().allMatch(ConsumerLoop::healthy);
    }

    String reportingMta() {
        return config.hostname().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (starter != null) {
            starter.interrupt();
        }
        loops.forEach(ConsumerLoop::close);
        recording.shutdown();
        if (finder != null) {
            finder.close();
        }
        if (output != null) {
            output.close();
        }
    }
}
