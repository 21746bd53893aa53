package io.postflow.kafka;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run one single-node KRaft broker (combined broker and controller).
 *
 * @param dataDir        holds config, log segments, the broker's own log and its pid file
 * @param host           listener address; loopback for local runs and tests
 * @param port           PLAINTEXT client port
 * @param controllerPort KRaft controller port
 * @param jvmOptions     options for the broker JVM, such as the heap
 * @param maxMessageSize the platform's SIZE limit; the broker takes records up to that plus overhead
 * @param exitWithParent whether the broker stops when the launching JVM goes away (tests), or
 *                       outlives it (mailctl)
 */
public record BrokerSettings(Path dataDir, String host, int port, int controllerPort, List<String> jvmOptions,
                             long maxMessageSize, boolean exitWithParent) {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");

    public BrokerSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    Path configFile() {
        return dataDir.resolve("server.properties");
    }

    Path logConfigFile() {
        return dataDir.resolve("log4j2.properties");
    }

    Path logDir() {
        return dataDir.resolve("data");
    }

    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    /** server.properties for a combined broker+controller node of a one-node cluster. */
    String serverProperties() {
        long maxRecord = TopicCatalog.maxRecordBytes(maxMessageSize);
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir().toAbsolutePath(),
                // Topics come from topics.conf only: a typo in a topic name must fail, not create a topic.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=" + maxRecord,
                "replica.fetch.max.bytes=" + maxRecord,
                // The default 128 MiB dedupe buffer would take half of a small heap.
                "log.cleaner.dedupe.buffer.size=16777216",
                "")
                ;
    }

    String logConfig() {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + brokerLog().toAbsolutePath(),
                "appender.file.append = true",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = warn",
                "")
                ;
    }
}
