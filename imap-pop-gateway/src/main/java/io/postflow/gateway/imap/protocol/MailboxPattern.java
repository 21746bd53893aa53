package io.postflow.gateway.imap.protocol;

import java.util.regex.Pattern;

/**
 * LIST/LSUB wildcards (RFC 3501 §6.3.8): {@code *} matches anything, {@code %} anything but the
 * hierarchy delimiter {@code /}. INBOX matches case-insensitively.
 */
public final class MailboxPattern {

    public static final char DELIMITER = '/';

    private final Pattern regex;

    private MailboxPattern(Pattern regex) {
        this.regex = regex;
    }

    /** Reference and pattern joined as RFC 3501 §6.3.8 describes for a '/' hierarchy. */
    public static MailboxPattern of(String reference, String pattern) {
        String full;
        if (reference.isEmpty() || pattern.startsWith("/")) {
            full = pattern;
        } else {
            full = reference.endsWith("/") ? reference + pattern : reference + "/" + pattern;
        }
        if (full.length() >= 5 && full.substring(0, 5).equalsIgnoreCase("INBOX")) {
            full = "INBOX" + full.substring(5); // INBOX is case-insensitive (RFC 3501 §5.1)
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '%') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new MailboxPattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
