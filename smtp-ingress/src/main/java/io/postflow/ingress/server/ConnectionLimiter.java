package io.postflow.ingress.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in total and per client address, so one client (or a flood) cannot
 * take every session; over either limit a connection is answered 421 4.7.0 and closed
 * (RFC 5321 §3.8). Used from every event loop at once.
 */
public final class ConnectionLimiter {

    private final int maxTotal;
    private final int maxPerClient;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

    public ConnectionLimiter(int maxTotal, int maxPerClient) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
    }

    /** Counts the connection in, or returns false (and counts nothing) when a limit is reached. */
    public boolean tryAcquire(String client) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        perClient.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < maxPerClient;
            return admitted[0] ? current + 1 : (current == 0 ? null : current);
        });
        if (!admitted[0]) {
            total.decrementAndGet();
        }
        return admitted[0];
    }

    public void release(String client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    public int open() {
        return total.get();
    }
}
