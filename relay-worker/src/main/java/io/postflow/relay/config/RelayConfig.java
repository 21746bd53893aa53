package io.postflow.relay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The relay worker's settings, keys as in the architecture CONTRACT ({@code postflow.relay.*}). */
@ConfigMapping(prefix = "postflow.relay")
public interface RelayConfig {

    /**
     * DNS servers ({@code host:port}, comma separated) for MX/A/AAAA/TXT lookups; empty means the
     * system resolver. Tests point it at a DNS responder on loopback.
     */
    Optional<List<String>> dnsServers();

    /** TCP port used to reach remote MX hosts; 25 except in tests. */
    @WithDefault("25")
    int mxPort();
}
