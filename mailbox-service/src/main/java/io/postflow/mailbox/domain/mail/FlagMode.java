package io.postflow.mailbox.domain.mail;

import java.util.Locale;

/** How STORE combines the given flags with a message's own (RFC 3501 §6.4.6). */
public enum FlagMode {
    /** FLAGS: the message gets exactly the given flags. */
    REPLACE,
    /** +FLAGS: the given flags are added. */
    ADD,
    /** -FLAGS: the given flags are removed. */
    REMOVE;

    public static FlagMode parse(String text) {
        if (text != null) {
            for (FlagMode mode : values()) {
                if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return mode;
                }
            }
        }
        throw new MailRejection(MailRejection.Code.INVALID, "mode must be replace, add or remove");
    }
}
