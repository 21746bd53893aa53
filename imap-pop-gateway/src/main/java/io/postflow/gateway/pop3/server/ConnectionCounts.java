package io.postflow.gateway.pop3.server;

import io.postflow.gateway.limits.ConnectionLimits;
import io.postflow.gateway.pop3.Pop3Config;
import io.postflow.gateway.pop3.session.UserSlots;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The POP3 connection limits of this instance ({@code postflow.pop3.limits.*}): in total, per
 * client IP address, and per user.
 */
@ApplicationScoped
public class ConnectionCounts implements UserSlots {

    private final ConnectionLimits limits;

    public ConnectionCounts(Pop3Config config) {
        Pop3Config.Limits l = config.limits();
        this.limits = new ConnectionLimits(l.maxConnections(), l.maxConnectionsPerAddress(), l.maxConnectionsPerUser());
    }

    /** The counts themselves, for the listeners' gate on new connections. */
    ConnectionLimits limits() {
        return limits;
    }

    @Override
    public boolean claim(String user) {
        return limits.claimUser(user);
    }

    @Override
    public void release(String user) {
        limits.releaseUser(user);
    }

    public int open() {
        return limits.open();
    }
}
