package io.postflow.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the test JVM's real Kafka broker:
 * {@code @WithTestResource(KafkaTestResource.class)}. Dev Services stay off; the broker is shared
 * by every test class of the JVM and stops when the JVM ends.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                // A killed consumer must not hold its partitions for the default 45 s.
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "6000",
                "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "1000");
    }

    @Override
    public void stop() {
        // The broker outlives one Quarkus application: the next test class reuses it.
    }
}
