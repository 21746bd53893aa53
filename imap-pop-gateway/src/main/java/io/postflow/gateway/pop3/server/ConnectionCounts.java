package io.postflow.gateway.pop3.server;

import io.postflow.gateway.pop3.Pop3Config;
import io.postflow.gateway.pop3.session.UserSlots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection limits of this instance: in total, per client IP address, and per user (logins
 * in progress and sessions), shared by the event loops. A count that drops to zero is removed, so
 * the maps hold only live clients.
 */
@ApplicationScoped
public class ConnectionCounts implements UserSlots {

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Pop3Config.Limits limits;

    public ConnectionCounts(Pop3Config config) {
        this.limits = config.limits();
    }

    /** Null when the connection may stay, else why not. */
    String open(String address) {
        if (total.incrementAndGet() > limits.maxConnections()) {
            total.decrementAndGet();
            return "too many connections, try again later";
        }
        if (!claim(perAddress, address, limits.maxConnectionsPerAddress())) {
            total.decrementAndGet();
            return "too many connections from your address, try again later";
        }
        return null;
    }

    void close(String address) {
        total.decrementAndGet();
        release(perAddress, address);
    }

    @Override
    public boolean claim(String user) {
        return claim(perUser, key(user), limits.maxConnectionsPerUser());
    }

    @Override
    public void release(String user) {
        release(perUser, key(user));
    }

    public int open() {
        return total.get();
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private static boolean claim(ConcurrentHashMap<String, Integer> counts, String key, int max) {
        boolean[] granted = {false};
        counts.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return n;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0];
    }

    private static void release(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
