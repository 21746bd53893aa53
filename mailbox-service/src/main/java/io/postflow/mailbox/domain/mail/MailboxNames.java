package io.postflow.mailbox.domain.mail;

import java.util.Locale;

/**
 * Mailbox name rules of the store. Names are UTF-8 (the gateway converts modified UTF-7, RFC 3501
 * §5.1.3) with '/' as the hierarchy delimiter. INBOX is case-insensitive (§5.1), also as the first
 * level of a hierarchical name, so "inbox/Work" and "INBOX/Work" are the same mailbox.
 */
public final class MailboxNames {

    public static final String INBOX = "INBOX";
    public static final char DELIMITER = '/';
    /** Longest name in UTF-8 octets; deep hierarchies stay well below it. */
    public static final int MAX_OCTETS = 1000;

    private MailboxNames() {
    }

    /** The canonical form of a valid name, or a rejection saying what is wrong with it. */
    public static String canonical(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("empty mailbox name");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw invalid("mailbox name longer than " + MAX_OCTETS + " octets");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalid("control character in mailbox name");
            }
            if (c == '*' || c == '%') {
                throw invalid("wildcard character in mailbox name"); // RFC 3501 §6.3.8: LIST wildcards
            }
        }
        if (name.charAt(0) == DELIMITER || name.charAt(name.length() - 1) == DELIMITER
                || name.contains(String.valueOf(DELIMITER) + DELIMITER)) {
            throw invalid("empty hierarchy level in mailbox name");
        }
        int first = name.indexOf(DELIMITER);
        String head = first < 0 ? name : name.substring(0, first);
        return head.toUpperCase(Locale.ROOT).equals(INBOX) ? INBOX + name.substring(head.length()) : name;
    }

    /** The names of the levels above a name, outermost first ("a/b/c" gives "a", "a/b"). */
    public static java.util.List<String> parents(String canonical) {
        java.util.List<String> parents = new java.util.ArrayList<>();
        for (int i = canonical.indexOf(DELIMITER); i >= 0; i = canonical.indexOf(DELIMITER, i + 1)) {
            parents.add(canonical.substring(0, i));
        }
        return parents;
    }

    private static MailRejection invalid(String detail) {
        return new MailRejection(MailRejection.Code.INVALID, detail);
    }
}
