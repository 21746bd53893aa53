package io.postflow.mailbox.domain.mail;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * IMAP keywords (RFC 3501 §2.3.2: user-defined flags such as {@code $Forwarded} or {@code Junk}).
 * A keyword is an atom (§9 {@code flag-keyword = atom}): printable US-ASCII without the
 * atom-specials, so it never needs quoting when the gateway writes it back. Keywords are kept and
 * compared exactly as written.
 */
public final class Keywords {

    /** Longest keyword accepted; real ones are a few characters. */
    public static final int MAX_LENGTH = 100;
    /** Most keywords one request may name. */
    public static final int MAX_COUNT = 100;

    private Keywords() {
    }

    /** The distinct keywords in first-seen order, or INVALID naming the first bad one. */
    public static List<String> validated(Collection<String> keywords) {
        if (keywords == null) {
            return List.of();
        }
        if (keywords.size() > MAX_COUNT) {
            throw new MailRejection(MailRejection.Code.INVALID, "more than " + MAX_COUNT + " keywords");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String keyword : keywords) {
            if (!isAtom(keyword)) {
                throw new MailRejection(MailRejection.Code.INVALID, "not a valid keyword: " + keyword);
            }
            distinct.add(keyword);
        }
        return List.copyOf(distinct);
    }

    /**
     * RFC 3501 §9: {@code ATOM-CHAR = <any CHAR except atom-specials>}, where atom-specials are
     * "(" ")" "{" SP CTL "%" "*" DQUOTE "\" "]". A leading "\" would make it a system flag.
     */
    static boolean isAtom(String keyword) {
        if (keyword == null || keyword.isEmpty() || keyword.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
