package io.postflow.relay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The SMTP transport is a bean configured from application.properties (this module's other
 * {@code @QuarkusTest}s replace it with a scripted one as the {@code OutboundTransport}).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class OutboundTransportBeanTest {

    @Inject
    SmtpOutboundTransport transport;

    @Test
    void theSmtpTransportIsABeanAndUsesTheRelayHostnameForEhlo() {
        assertThat(transport).isInstanceOf(OutboundTransport.class);
        // %test.postflow.relay.hostname wins over %test.postflow.smtp.hostname.
        assertThat(transport.heloName()).isEqualTo("relay.test");
    }
}
