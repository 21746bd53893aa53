package io.postflow.relay.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.postflow.relay.config.RelayConfig;
import io.postflow.relay.dns.DnsClient;
import io.postflow.relay.dns.LocalAddresses;
import io.postflow.relay.dns.MxResolver;
import io.postflow.relay.smtp.SessionOpener;
import io.postflow.relay.smtp.SmtpTimeouts;
import io.postflow.relay.smtp.SmtpTransaction;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link OutboundTransport} over SMTP to the MX hosts of the destination domain. Every attempt runs
 * on one Vert.x event-loop context owned by this bean, so the session pool needs no locks; callers
 * may call from any thread.
 */
@Startup
@ApplicationScoped
public class SmtpOutboundTransport implements OutboundTransport {

    private final Context context;
    private final NetClient client;
    private final RemoteDelivery delivery;
    private final String heloName;

    @Inject
    public SmtpOutboundTransport(Vertx vertx, RelayConfig config, MeterRegistry registry,
                                 @ConfigProperty(name = "postflow.smtp.hostname") Optional<String> smtpHostname) {
        RelayConfig.Smtp smtp = config.smtp();
        this.heloName = config.hostname().or(() -> smtpHostname).orElseGet(SmtpOutboundTransport::localHostName);
        // Opportunistic TLS (RFC 7435): trust any certificate, verify no name; see SmtpConnection.startTls.
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) smtp.connectTimeout().toMillis())
                .setSsl(false).setTrustAll(true).setHostnameVerificationAlgorithm(""));
        this.context = vertx.getOrCreateContext();
        SmtpTimeouts timeouts = new SmtpTimeouts(smtp.connectTimeout(), smtp.greetingTimeout(), smtp.commandTimeout(),
                smtp.mailTimeout(), smtp.rcptTimeout(), smtp.dataInitTimeout(), smtp.dataBlockTimeout(),
                smtp.dataTerminationTimeout());
        RelayConfig.Dns dns = config.dns();
        DnsClient dnsClient = new DnsClient(vertx, config.dnsServers().orElse(List.of()),
                new DnsClient.Settings(dns.timeout(), dns.cacheSize(), dns.maxTtl(), dns.negativeTtl()));
        this.delivery = new RemoteDelivery(
                new MxResolver(dnsClient, new LocalAddresses(config.localAddresses(), heloName)),
                new ConnectionPool(vertx, config.maxConnectionsPerDomain(), smtp.idleTimeout(),
                        smtp.maxTransactionsPerConnection(), smtp.commandTimeout()),
                new SessionOpener(vertx, client, config.mxPort(), heloName, timeouts),
                new SmtpTransaction(timeouts, smtp.chunkSize()),
                timeouts,
                new OutboundMetrics(registry));
    }

    @Override
    public Future<OutboundResult> deliver(OutboundRequest request) {
        Promise<OutboundResult> promise = Promise.promise();
        context.runOnContext(v -> delivery.deliver(request).onComplete(promise));
        return promise.future();
    }

    /** The name sent in EHLO/HELO. */
    public String heloName() {
        return heloName;
    }

    @PreDestroy
    void close() {
        context.runOnContext(v -> {
            delivery.close();
            client.close();
        });
    }

    // At start-up only (a @Startup bean is built on the main thread), never on the event loop.
    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
