package io.postflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The service-to-service bearer token of mailbox-service's internal API ({@code postflow.internal.token}). */
@ConfigMapping(prefix = "postflow.internal")
public interface InternalTokenConfig {

    /** Presented as {@code Authorization: Bearer <token>}; without it every password check fails (454). */
    Optional<String> token();
}
