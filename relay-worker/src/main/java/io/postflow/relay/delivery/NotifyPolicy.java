package io.postflow.relay.delivery;

import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;

/**
 * Which DSNs a recipient asked for (RFC 3461 §4.1). Without NOTIFY the relay reports failures and
 * delays, the usual MTA default; NOTIFY=NEVER silences everything.
 */
final class NotifyPolicy {

    private NotifyPolicy() {
    }

    static boolean onFailure(Recipient r) {
        return r.notifyOn().isEmpty() || r.notifyOn().contains(Notify.FAILURE);
    }

    static boolean onDelay(Recipient r) {
        return r.notifyOn().isEmpty() || r.notifyOn().contains(Notify.DELAY);
    }

    static boolean onSuccess(Recipient r) {
        return r.notifyOn().contains(Notify.SUCCESS);
    }
}
