package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SELECT ({@code readOnly: false}, claims \Recent) or EXAMINE ({@code readOnly: true}). */
@Schema(name = "InternalSelectRequest")
public record SelectRequest(@Schema(required = true) Boolean readOnly) {
}
