package io.postflow.relay.delivery;

import io.postflow.common.record.Recipient;
import io.postflow.relay.outbound.RecipientOutcome;

/**
 * The fate of one routed recipient on this pass, local or remote alike.
 *
 * @param recipient the recipient as routed (final address, DSN parameters)
 * @param kind      delivered (or handed to the local store), temporary, permanent
 * @param local     true for a local account (DSN action {@code delivered}), false for remote ({@code relayed})
 */
record Outcome(Recipient recipient, RecipientOutcome.Kind kind, String status, String diagnostic, String remoteMta,
               boolean local) {

    static Outcome of(RecipientOutcome o) {
        return new Outcome(o.recipient(), o.kind(), consistentStatus(o.kind(), o.status()), o.diagnostic(), o.remoteMta(), false);
    }

    /** A status whose class matches the kind: mail.status and DSNs must never say 5.x.x for a retry. */
    static String consistentStatus(RecipientOutcome.Kind kind, String status) {
        char expected = switch (kind) {
            case DELIVERED -> '2';
            case TEMPORARY -> '4';
            case PERMANENT -> '5';
        };
        if (status != null && status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            return expected + status.substring(1);
        }
        return expected + ".0.0";
    }
}
