package io.postflow.mailbox.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/domains}. */
public record DomainRequest(
        @Schema(description = "Domain name, A-label or U-label form", examples = "example.test") String name) {
}
