package io.postflow.gateway.limits;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connection limits of one listener family on this instance: in total, per client IP address, and
 * per user (logins in progress and sessions), shared by the event loops. A count that drops to
 * zero is removed, so the maps hold only live clients.
 */
public final class ConnectionLimits {

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private final int maxTotal;
    private final int maxPerAddress;
    private final int maxPerUser;

    public ConnectionLimits(int maxTotal, int maxPerAddress, int maxPerUser) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.maxPerUser = maxPerUser;
    }

    /** Null when the connection may stay, else why not; a connection let in ends with {@link #close}. */
    public String open(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return "too many connections, try again later";
        }
        if (!claim(perAddress, address, maxPerAddress)) {
            total.decrementAndGet();
            return "too many connections from your address, try again later";
        }
        return null;
    }

    public void close(String address) {
        total.decrementAndGet();
        release(perAddress, address);
    }

    /** Takes one of the user's slots, or false when all are in use. */
    public boolean claimUser(String user) {
        return claim(perUser, key(user), maxPerUser);
    }

    public void releaseUser(String user) {
        release(perUser, key(user));
    }

    /** Connections open now. */
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
