package io.postflow.gateway.imap.server;

import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.limits.ConnectionLimits;
import jakarta.inject.Singleton;

/** The IMAP connection limits of this instance ({@code postflow.imap.limits.max-connections*}). */
@Singleton
public class ImapConnectionLimits {

    private final ConnectionLimits limits;

    public ImapConnectionLimits(GatewayConfig config) {
        GatewayConfig.ImapLimits l = config.imap().limits();
        this.limits = new ConnectionLimits(l.maxConnections(), l.maxConnectionsPerAddress(), l.maxConnectionsPerUser());
    }

    public ConnectionLimits limits() {
        return limits;
    }
}
