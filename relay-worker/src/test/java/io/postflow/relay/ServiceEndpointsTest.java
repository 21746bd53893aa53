package io.postflow.relay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
// Same resources in every @QuarkusTest of this module: one application, one test broker.
@WithTestResource(KafkaTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    /** The directory reader and the workers start on their own threads; readiness waits for them. */
    @BeforeEach
    void workersRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Kafka connection health check", "relay routing"};
    }
}
