package io.postflow.relay.dsn;

import java.util.Locale;

/** RFC 3464 §2.3.3 Action values this relay reports. */
public enum DsnAction {
    FAILED, DELAYED, DELIVERED, RELAYED;

    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
