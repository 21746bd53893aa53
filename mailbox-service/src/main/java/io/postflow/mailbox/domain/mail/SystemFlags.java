package io.postflow.mailbox.domain.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The IMAP system flags (RFC 3501 §2.3.2) as stored in {@code mailbox_message.flags}: one bit each,
 * 1 {@code \Seen}, 2 {@code \Answered}, 4 {@code \Flagged}, 8 {@code \Deleted}, 16 {@code \Draft}.
 * {@code \Recent} is not stored per message: it is the range a session claimed at SELECT.
 */
public final class SystemFlags {

    public static final int SEEN = 1;
    public static final int ANSWERED = 2;
    public static final int FLAGGED = 4;
    public static final int DELETED = 8;
    public static final int DRAFT = 16;

    /** Names in bit order, so {@link #names(int)} lists them in a stable order. */
    private static final String[] NAMES = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};

    private SystemFlags() {
    }

    /**
     * The bits of the system flags among {@code names}; flag names are case-insensitive (RFC 3501
     * §9 ABNF: {@code flag} is made of case-insensitive atoms).
     *
     * @throws MailRejection INVALID for a name starting with a backslash that is no system flag
     *                       ({@code \Recent} included: a client cannot set it, RFC 3501 §2.3.2)
     *                       or for a name without one: keywords are not flags
     */
    public static int bits(Collection<String> names) {
        int bits = 0;
        for (String name : names) {
            bits |= bit(name);
        }
        return bits;
    }

    /** The names of the flags set in {@code bits}, in bit order. */
    public static List<String> names(int bits) {
        List<String> names = new ArrayList<>(NAMES.length);
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names;
    }

    private static int bit(String name) {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].toLowerCase(Locale.ROOT).equals(lower)) {
                    return 1 << i;
                }
            }
        }
        throw new MailRejection(MailRejection.Code.INVALID, "not a system flag: " + name);
    }
}
