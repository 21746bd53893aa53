package io.postflow.mailbox;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.postflow.testkit.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Kafka connection health check", "Reactive PostgreSQL connections health check"};
    }
}
