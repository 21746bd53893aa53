package io.postflow.common.record;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code RCPT TO} of the envelope with its DSN parameters.
 *
 * @param address  the forward-path address text without angle brackets
 * @param notifyOn the {@code NOTIFY} values; empty when the parameter was not given (the name is
 *                 not {@code notify} because {@link Object#notify()} is final)
 * @param orcpt    the {@code ORCPT} parameter as {@code addr-type;value} (RFC 3461 §4.2), or null
 */
public record Recipient(String address, Set<Notify> notifyOn, String orcpt) {

    public Recipient {
        Objects.requireNonNull(address, "address");
        notifyOn = immutableEnumSet(notifyOn);
        // RFC 3461 §4.1: NEVER must not be combined with any other value.
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined with other values");
        }
    }

    /** A recipient without DSN parameters. */
    public static Recipient of(String address) {
        return new Recipient(address, Set.of(), null);
    }

    // An EnumSet keeps the declaration order, so the JSON header is deterministic.
    private static Set<Notify> immutableEnumSet(Set<Notify> values) {
        if (values == null || values.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(Notify.class));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
