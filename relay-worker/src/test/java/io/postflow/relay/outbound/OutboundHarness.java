package io.postflow.relay.outbound;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.relay.config.RelayConfig;
import io.postflow.testkit.dns.DnsResponder;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link SmtpOutboundTransport}, built from {@link RelayConfig} as SmallRye maps it, over a
 * real {@link DnsResponder}; tests add SMTP sinks on 127.0.0.x / ::1 at {@link #port}.
 * {@code 127.0.0.66} and the name {@value #HOSTNAME} are "this platform" for loop tests.
 */
final class OutboundHarness implements AutoCloseable {

    static final String HOSTNAME = "relay.postflow.test";

    final Vertx vertx = Vertx.vertx();
    final DnsResponder dns = DnsResponder.start("127.0.0.1");
    final int port;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SmtpOutboundTransport transport;

    OutboundHarness(int port, Map<String, String> overrides) {
        this.port = port;
        Map<String, String> properties = new HashMap<>();
        properties.put("postflow.relay.dns-servers", dns.hostPort());
        properties.put("postflow.relay.mx-port", Integer.toString(port));
        properties.put("postflow.relay.hostname", HOSTNAME);
        properties.put("postflow.relay.local-addresses", "127.0.0.66/32,192.0.2.0/24");
        properties.put("postflow.relay.dns.timeout", "PT2S"); // short for the silent-DNS test, long enough on a busy machine
        properties.put("postflow.relay.smtp.connect-timeout", "PT2S");
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RelayConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        transport = new SmtpOutboundTransport(vertx, config.getConfigMapping(RelayConfig.class), registry, Optional.empty());
    }

    OutboundResult deliver(OutboundRequest request) throws Exception {
        return transport.deliver(request).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static OutboundRequest request(String domain, byte[] message, String... recipients) {
        return request(domain, MailParameters.NONE, message, List.of(recipients).stream().map(Recipient::of).toList());
    }

    static OutboundRequest request(String domain, MailParameters parameters, byte[] message, List<Recipient> recipients) {
        return new OutboundRequest("trace-1", domain, "sender@origin.test", parameters, recipients, Buffer.buffer(message));
    }

    @Override
    public void close() {
        transport.close();
        dns.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
