package io.postflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication policy shared by every Postflow protocol server ({@code postflow.auth.*}, CONTRACT). */
@ConfigMapping(prefix = "postflow.auth")
public interface AuthConfig {

    /**
     * Whether AUTH PLAIN/LOGIN may run over an unencrypted connection from loopback (127.0.0.0/8,
     * ::1). True in the local profile (application.properties), false in containers; anywhere else
     * plain-text AUTH needs TLS (RFC 4954 §4, 538 5.7.11).
     */
    @WithDefault("false")
    boolean allowPlaintextOnLoopback();
}
