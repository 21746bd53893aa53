package io.postflow.relay.outbound;

import java.util.List;

/** What one delivery attempt achieved, one outcome per requested recipient, in request order. */
public record OutboundResult(List<RecipientOutcome> outcomes) {

    public OutboundResult {
        outcomes = List.copyOf(outcomes);
    }
}
