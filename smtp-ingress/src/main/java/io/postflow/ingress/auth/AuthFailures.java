package io.postflow.ingress.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent AUTH failures per client address, across connections: a client that reconnects after each
 * wrong password still waits longer and longer. The window slides (failures older than it are
 * forgotten) and the table is bounded, so a flood of addresses cannot grow memory; when full, the
 * expired entries go first and then new addresses are simply not tracked (mailbox-service's per
 * account and address throttle still applies).
 */
public final class AuthFailures {

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    public AuthFailures(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /** Records one failure of the address and returns how many it has had within the window. */
    public int failed(String clientAddress) {
        Instant now = clock.instant();
        if (byAddress.size() >= capacity && !byAddress.containsKey(clientAddress)) {
            forgetExpired(now);
            if (byAddress.size() >= capacity) {
                return 1;
            }
        }
        return byAddress.compute(clientAddress, (address, known) ->
                known == null || known.expired(now, window) ? new Window(now, 1) : known.plusOne(now)).count();
    }

    /** Failures of the address within the window, without recording one. */
    public int recent(String clientAddress) {
        Window known = byAddress.get(clientAddress);
        return known == null || known.expired(clock.instant(), window) ? 0 : known.count();
    }

    /** A success clears the address: its user got the password right. */
    public void succeeded(String clientAddress) {
        byAddress.remove(clientAddress);
    }

    int tracked() {
        return byAddress.size();
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Window> it = byAddress.values().iterator(); it.hasNext(); ) {
            if (it.next().expired(now, window)) {
                it.remove();
            }
        }
    }

    /** Failures since {@code last - window}: each new failure extends the window. */
    private record Window(Instant last, int count) {

        boolean expired(Instant now, Duration window) {
            return last.plus(window).isBefore(now);
        }

        Window plusOne(Instant now) {
            return new Window(now, count + 1);
        }
    }
}
