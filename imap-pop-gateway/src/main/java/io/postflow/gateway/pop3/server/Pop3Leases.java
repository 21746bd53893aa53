package io.postflow.gateway.pop3.server;

import io.postflow.gateway.mailbox.MaildropClient;
import io.postflow.gateway.pop3.Pop3Config;
import io.postflow.gateway.pop3.session.MaildropLeases;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Lease renewal and release for the sessions, with the configured lifetime. */
@ApplicationScoped
public class Pop3Leases implements MaildropLeases {

    private final MaildropClient client;
    private final Duration ttl;

    public Pop3Leases(MaildropClient client, Pop3Config config) {
        this.client = client;
        this.ttl = config.lease().ttl();
    }

    @Override
    public Future<Void> renew(String account, String lease) {
        return client.renew(account, lease, ttl);
    }

    @Override
    public Future<Void> release(String account, String lease) {
        return client.release(account, lease);
    }
}
