package io.postflow.mailbox.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alias as the API shows it: canonical address and targets. */
@Schema(name = "Alias")
public record AliasView(String address, List<String> targets) {
}
