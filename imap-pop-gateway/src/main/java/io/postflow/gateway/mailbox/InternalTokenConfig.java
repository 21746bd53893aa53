package io.postflow.gateway.mailbox;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The bearer token of mailbox-service's internal API ({@code postflow.internal.token}). */
@ConfigMapping(prefix = "postflow.internal")
public interface InternalTokenConfig {

    Optional<String> token();
}
