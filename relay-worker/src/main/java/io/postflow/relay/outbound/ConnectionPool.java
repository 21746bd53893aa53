package io.postflow.relay.outbound;

import io.postflow.relay.smtp.SmtpConnection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Open SMTP sessions per destination domain: at most {@code maxPerDomain} at a time (busy and idle
 * together), idle ones kept for {@code idleTimeout} for the next message to the same domain, and
 * callers beyond the limit queued in order. Confined to one Vert.x context (the transport's).
 */
final class ConnectionPool {

    /**
     * The right to use one connection slot of a domain: an idle session to reuse, or null when the
     * holder must open a new one. Give it back exactly once with {@link #release}.
     */
    final class Lease {
        private final String domain;
        private final SmtpConnection idle;
        private boolean released;

        private Lease(String domain, SmtpConnection idle) {
            this.domain = domain;
            this.idle = idle;
        }

        SmtpConnection idle() {
            return idle;
        }

        /** Returns the slot: {@code connection} goes to the next waiter or idles if reusable, else it is closed. */
        void release(SmtpConnection connection, boolean reusable) {
            if (released) {
                throw new IllegalStateException("lease released twice");
            }
            released = true;
            giveBack(domain, connection, reusable);
        }
    }

    private record Idle(SmtpConnection connection, long timer) {
    }

    private static final class Slots {
        int open;
        final Deque<Idle> idle = new ArrayDeque<>();
        final Deque<Promise<Lease>> waiters = new ArrayDeque<>();
    }

    private final Vertx vertx;
    private final int maxPerDomain;
    private final Duration idleTimeout;
    private final int maxTransactions;
    private final Duration quitTimeout;
    private final Map<String, Slots> domains = new HashMap<>();

    ConnectionPool(Vertx vertx, int maxPerDomain, Duration idleTimeout, int maxTransactions, Duration quitTimeout) {
        if (maxPerDomain < 1) {
            throw new IllegalArgumentException("max-connections-per-domain must be at least 1");
        }
        this.vertx = vertx;
        this.maxPerDomain = maxPerDomain;
        this.idleTimeout = idleTimeout;
        this.maxTransactions = maxTransactions;
        this.quitTimeout = quitTimeout;
    }

    Future<Lease> acquire(String domain) {
        Slots slots = domains.computeIfAbsent(domain, d -> new Slots());
        while (!slots.idle.isEmpty()) {
            Idle idle = slots.idle.pop();
            vertx.cancelTimer(idle.timer());
            if (idle.connection().isUsable()) {
                return Future.succeededFuture(new Lease(domain, idle.connection()));
            }
            slots.open--; // the server closed it while it idled
        }
        if (slots.open < maxPerDomain) {
            slots.open++;
            return Future.succeededFuture(new Lease(domain, null));
        }
        Promise<Lease> waiter = Promise.promise();
        slots.waiters.add(waiter);
        return waiter.future();
    }

    private void giveBack(String domain, SmtpConnection connection, boolean reusable) {
        Slots slots = domains.get(domain);
        boolean keep = connection != null && reusable && connection.isUsable()
                && connection.transactions() < maxTransactions;
        if (keep) {
            Promise<Lease> waiter = slots.waiters.poll();
            if (waiter != null) {
                waiter.complete(new Lease(domain, connection));
            } else {
                long timer = vertx.setTimer(Math.max(1, idleTimeout.toMillis()), id -> expire(domain, connection));
                slots.idle.push(new Idle(connection, timer));
            }
            return;
        }
        if (connection != null) {
            // The slot stays taken until the session is gone, so a replacement never overlaps it.
            connection.quit(quitTimeout).onComplete(closed -> freeSlot(domain, slots));
            return;
        }
        freeSlot(domain, slots);
    }

    private void expire(String domain, SmtpConnection connection) {
        Slots slots = domains.get(domain);
        if (slots != null && slots.idle.removeIf(idle -> idle.connection() == connection)) {
            connection.quit(quitTimeout).onComplete(closed -> freeSlot(domain, slots));
        }
    }

    /** One connection is gone: a waiter may open a new one in its place. */
    private void freeSlot(String domain, Slots slots) {
        Promise<Lease> waiter = slots.waiters.poll();
        if (waiter != null) {
            waiter.complete(new Lease(domain, null));
            return;
        }
        slots.open--;
        if (slots.open == 0 && slots.idle.isEmpty()) {
            domains.remove(domain);
        }
    }

    /** Open connections to {@code domain} (busy and idle). */
    int open(String domain) {
        Slots slots = domains.get(domain);
        return slots == null ? 0 : slots.open;
    }

    /** Closes every idle session (shutdown). */
    void closeIdle() {
        domains.forEach((domain, slots) -> {
            slots.idle.forEach(idle -> {
                vertx.cancelTimer(idle.timer());
                idle.connection().quit(quitTimeout);
            });
            slots.idle.clear();
        });
    }
}
