package io.postflow.mailbox.api;

import io.postflow.common.address.Domain;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A local domain as the API shows it. */
@Schema(name = "Domain")
public record DomainView(
        @Schema(description = "Canonical name: lower-case A-label form, also used in paths", examples = "xn--bcher-kva.example")
        String name,
        @Schema(description = "U-label form for display; equal to name for an ASCII domain", examples = "bücher.example")
        String unicode) {

    static DomainView of(Domain domain) {
        return new DomainView(domain.ascii(), domain.unicode());
    }
}
