package io.postflow.common.address;

import java.nio.charset.StandardCharsets;

/**
 * Parses the paths of {@code MAIL FROM:} and {@code RCPT TO:} (RFC 5321 §4.1.2):
 * {@code Path = "<" [ A-d-l ":" ] Mailbox ">"}. The caller passes exactly the bracketed text,
 * with ESMTP parameters already split off ({@link #endOfPath} finds where the path ends).
 */
public final class MailPath {

    /** RFC 5321 §4.5.3.1.3, brackets included. */
    public static final int MAX_OCTETS = 256;

    private MailPath() {
    }

    /** {@code <>} or {@code <mailbox>}. */
    public static ReversePath parseReversePath(String text, boolean allowUtf8) {
        String inner = unwrap(text);
        if (inner.isEmpty()) {
            return ReversePath.NULL; // RFC 5321 §4.5.5
        }
        return new ReversePath.Mailbox(parseRoutedMailbox(inner, allowUtf8));
    }

    /** {@code <mailbox>} or the bare {@code <Postmaster>}, any case (RFC 5321 §4.1.1.3). */
    public static ForwardPath parseForwardPath(String text, boolean allowUtf8) {
        String inner = unwrap(text);
        if (inner.isEmpty()) {
            throw new AddressException("empty forward path");
        }
        if (MailAddress.isPostmaster(inner)) {
            return ForwardPath.POSTMASTER;
        }
        return new ForwardPath.Mailbox(parseRoutedMailbox(inner, allowUtf8));
    }

    /**
     * Index just after the {@code >} that closes the path starting at {@code start}, or -1 if
     * there is none. A {@code >} or space inside a quoted local part does not end the path, so
     * {@code MAIL FROM:<"a> b"@example.com> SIZE=10} splits correctly.
     */
    public static int endOfPath(CharSequence line, int start) {
        if (start >= line.length() || line.charAt(start) != '<') {
            return -1;
        }
        boolean quoted = false;
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++; // quoted-pairSMTP: the next character is literal
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String unwrap(String text) {
        if (text == null) {
            throw new AddressException("missing path");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new AddressException("CR, LF or NUL in path"); // command injection attempt
            }
        }
        if (text.length() < 2 || text.charAt(0) != '<' || text.charAt(text.length() - 1) != '>') {
            throw new AddressException("path must be enclosed in angle brackets");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new AddressException("path longer than 256 octets");
        }
        return text.substring(1, text.length() - 1);
    }

    // A source route is accepted and ignored: RFC 5321 §4.1.2 / Appendix C.
    private static MailAddress parseRoutedMailbox(String inner, boolean allowUtf8) {
        if (inner.charAt(0) != '@') {
            return MailAddress.parse(inner, allowUtf8);
        }
        int colon = inner.indexOf(':');
        if (colon < 0) {
            throw new AddressException("source route without a mailbox");
        }
        // A-d-l = At-domain *( "," At-domain ); At-domain = "@" Domain
        for (String atDomain : inner.substring(0, colon).split(",", -1)) {
            if (atDomain.length() < 2 || atDomain.charAt(0) != '@') {
                throw new AddressException("malformed source route");
            }
            MailAddress.parseDomain(atDomain.substring(1), allowUtf8);
        }
        return MailAddress.parse(inner.substring(colon + 1), allowUtf8);
    }
}
