package io.postflow.relay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The transport is the application's OutboundTransport bean, configured from application.properties. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class OutboundTransportBeanTest {

    @Inject
    OutboundTransport transport;

    @Test
    void theSmtpTransportIsTheBeanAndUsesTheSmtpHostnameForEhlo() {
        assertThat(transport).isInstanceOf(SmtpOutboundTransport.class);
        // %test.postflow.smtp.hostname is set and postflow.relay.hostname is not: the relay says the same name.
        assertThat(((SmtpOutboundTransport) transport).heloName()).isEqualTo("mx.relay.postflow.test");
    }
}
