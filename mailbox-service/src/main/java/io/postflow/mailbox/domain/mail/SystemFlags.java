package io.postflow.mailbox.domain.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The IMAP system flags (RFC 3501 §2.3.2) as stored in {@code mailbox_message.flags}: bit 1
 * \Seen, 2 \Answered, 4 \Flagged, 8 \Deleted, 16 \Draft. \Recent is not stored per message (it
 * belongs to a session, §2.3.2), so it is refused like any other unknown system flag.
 */
public final class SystemFlags {

    public static final int SEEN = 1;
    public static final int ANSWERED = 2;
    public static final int FLAGGED = 4;
    public static final int DELETED = 8;
    public static final int DRAFT = 16;

    /** Names in bit order: the name of bit {@code 1 << i} is {@code NAMES.get(i)}. */
    private static final List<String> NAMES = List.of("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");

    private SystemFlags() {
    }

    /** The bits of the named flags; names are case-insensitive (RFC 3501 §9, note 3). */
    public static int bits(Collection<String> names) {
        int bits = 0;
        for (String name : names) {
            bits |= bit(name);
        }
        return bits;
    }

    /** The names of the flags set in {@code bits}, in bit order. */
    public static List<String> names(int bits) {
        List<String> names = new ArrayList<>(NAMES.size());
        for (int i = 0; i < NAMES.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(NAMES.get(i));
            }
        }
        return names;
    }

    private static int bit(String name) {
        if (name != null) {
            for (int i = 0; i < NAMES.size(); i++) {
                if (NAMES.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return 1 << i;
                }
            }
        }
        throw new MailRejection(MailRejection.Code.INVALID, "not a storable system flag: " + name);
    }
}
