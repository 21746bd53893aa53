package io.postflow.mailbox.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/accounts}. */
public record AccountRequest(
        @Schema(examples = "alice@example.test") String address,
        @Schema(description = "8 to 1024 characters", format = "password") String password) {

    /** Never the password: request objects end up in logs and exception messages. */
    @Override
    public String toString() {
        return "AccountRequest[address=" + address + ", password=***]";
    }
}
