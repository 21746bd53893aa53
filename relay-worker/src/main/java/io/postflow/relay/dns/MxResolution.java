package io.postflow.relay.dns;

import java.util.List;

/** The outcome of routing a domain: the addresses to try in order, or why there are none. */
public sealed interface MxResolution {

    /** Addresses in the order to try them: by MX preference, IPv6 before IPv4 per host. */
    record Route(List<MxTarget> targets) implements MxResolution {
        public Route {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a route has at least one target");
            }
        }
    }

    /**
     * @param permanent  true for 5.x.x (bounce), false for 4.x.x (retry later)
     * @param status     RFC 3463 status, e.g. {@code 5.1.10} null MX, {@code 4.4.3} DNS failure
     * @param diagnostic text for the DSN's Diagnostic-Code
     */
    record Unroutable(boolean permanent, String status, String diagnostic) implements MxResolution {
    }
}
