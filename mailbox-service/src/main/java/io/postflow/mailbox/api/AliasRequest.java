package io.postflow.mailbox.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/aliases}. */
public record AliasRequest(
        @Schema(examples = "info@example.test") String address,
        @Schema(description = "Local accounts or remote addresses, at least one") List<String> targets) {
}
