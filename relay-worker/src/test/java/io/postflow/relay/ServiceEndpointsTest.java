package io.postflow.relay;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
