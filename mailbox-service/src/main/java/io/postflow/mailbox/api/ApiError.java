package io.postflow.mailbox.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer of the admin API.
 *
 * @param error  a stable machine-readable code, e.g. {@code conflict}
 * @param detail what went wrong, for a human
 */
@Schema(name = "Error")
public record ApiError(String error, String detail) {
}
