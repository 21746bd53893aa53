package io.postflow.mailbox.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as the API shows it. */
@Schema(name = "Account")
public record AccountView(
        @Schema(description = "Canonical address (lookup key)", examples = "alice@example.test") String address,
        @Schema(description = "Storage limit in bytes; null for none") Long quotaBytes) {
}
