package io.postflow.ingress.extension;

import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import java.util.EnumSet;
import java.util.Set;

/** Collects one recipient and the RCPT TO parameters the extensions accepted. */
public final class RecipientBuilder {

    private final String address;
    private Set<Notify> notifyOn = EnumSet.noneOf(Notify.class);
    private String orcpt;

    public RecipientBuilder(String address) {
        this.address = address;
    }

    public RecipientBuilder notifyOn(Set<Notify> values) {
        this.notifyOn = EnumSet.copyOf(values);
        return this;
    }

    public RecipientBuilder orcpt(String value) {
        this.orcpt = value;
        return this;
    }

    public Recipient build() {
        return new Recipient(address, notifyOn, orcpt);
    }
}
