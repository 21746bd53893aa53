package io.postflow.ingress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.postflow.ingress.server.IngressTestResource;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
// Same resources in every @QuarkusTest of this module: one application, one test broker.
@WithTestResource(IngressTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    /** The directory reader catches up on its own thread; readiness waits for it. */
    @BeforeEach
    void directoryLoaded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Kafka connection health check", "directory loaded"};
    }
}
