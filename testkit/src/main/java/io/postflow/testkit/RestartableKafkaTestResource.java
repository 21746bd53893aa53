package io.postflow.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a {@link RestartableKafka} broker, which the test may stop and
 * start to play an outage. Producers and consumers give up quickly, so an outage costs seconds.
 */
public class RestartableKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", RestartableKafka.start(),
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "6000",
                "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "1000",
                "mp.messaging.connector.smallrye-kafka.reconnect.backoff.max.ms", "500");
    }

    @Override
    public void stop() {
        RestartableKafka.destroy();
    }
}
