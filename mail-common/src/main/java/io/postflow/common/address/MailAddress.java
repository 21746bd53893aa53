package io.postflow.common.address;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * An RFC 5321 §4.1.2 {@code Mailbox}: {@code Local-part "@" ( Domain / address-literal )}, with the
 * RFC 6531 §3.3 UTF-8 extensions when the transaction uses SMTPUTF8. Immutable.
 *
 * <p>Equality is on the canonical text ({@link #toString()}): the local part keeps its case, since
 * RFC 5321 §2.4 lets the receiving host treat it as case-sensitive. Lookups of our own accounts
 * use {@link #key()}, which is case-insensitive by policy.
 */
public final class MailAddress {

    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, brackets included. */
    public static final int MAX_OCTETS = 254;

    private final String original;
    private final String localPart;
    private final Domain domain;
    private final String addressLiteral;
    private final String canonical;

    private MailAddress(String original, String localPart, Domain domain, String addressLiteral) {
        this.original = original;
        this.localPart = localPart;
        this.domain = domain;
        this.addressLiteral = addressLiteral;
        this.canonical = LocalPart.quoteIfNeeded(localPart) + "@" + (domain != null ? domain.ascii() : addressLiteral);
    }

    /** Parses an ASCII-only mailbox, as in a transaction without SMTPUTF8. */
    public static MailAddress parse(String mailbox) {
        return parse(mailbox, false);
    }

    /**
     * Parses a mailbox such as {@code user@example.com}, {@code "john doe"@example.com} or
     * {@code user@[IPv6:2001:db8::1]}.
     *
     * @param allowUtf8 the transaction uses SMTPUTF8; without it a non-ASCII character anywhere
     *                  makes the address invalid (RFC 6531 §3.2), U-label domains included
     * @throws AddressException if the text is not a valid mailbox
     */
    public static MailAddress parse(String mailbox, boolean allowUtf8) {
        if (mailbox == null || mailbox.isEmpty()) {
            throw new AddressException("empty address");
        }
        if (mailbox.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new AddressException("address longer than 254 octets");
        }
        LocalPart.Parsed local = LocalPart.parse(mailbox, allowUtf8);
        if (local.end() >= mailbox.length() || mailbox.charAt(local.end()) != '@') {
            throw new AddressException("missing @ in address");
        }
        String domainText = mailbox.substring(local.end() + 1);
        if (domainText.isEmpty()) {
            throw new AddressException("missing domain in address");
        }
        MailAddress address = domainText.charAt(0) == '['
                ? new MailAddress(mailbox, local.value(), null, AddressLiteral.canonical(domainText))
                : new MailAddress(mailbox, local.value(), parseDomain(domainText, allowUtf8), null);
        if (address.canonical.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new AddressException("address longer than 254 octets"); // e.g. once in A-labels
        }
        return address;
    }

    static Domain parseDomain(String text, boolean allowUtf8) {
        if (!allowUtf8) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80) {
                    throw new AddressException("non-ASCII address needs SMTPUTF8");
                }
            }
        }
        return Domain.parse(text);
    }

    /** The local part with any quoting removed, in its original case. */
    public String localPart() {
        return localPart;
    }

    /** The domain, or null when the address has an address literal instead. */
    public Domain domain() {
        return domain;
    }

    /** The canonical address literal with brackets, e.g. {@code [IPv6:2001:db8::1]}, or null. */
    public String addressLiteral() {
        return addressLiteral;
    }

    /** The text as it was parsed. */
    public String original() {
        return original;
    }

    /**
     * Canonical lookup key for the directory: NFC-normalised, lower-cased local part (quoted only
     * when needed) and the A-label domain. Case-insensitive by policy, as users expect, although
     * RFC 5321 §2.4 allows a host to treat local parts as case-sensitive. NFC follows RFC 6532
     * §3.1, so composed and decomposed spellings of the same UTF-8 name meet.
     */
    public String key() {
        String folded = Normalizer.normalize(localPart.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return LocalPart.quoteIfNeeded(folded) + "@" + (domain != null ? domain.ascii() : addressLiteral);
    }

    /** True for {@code postmaster@any-domain}; RFC 5321 §4.5.1 makes the local part case-insensitive. */
    public boolean isPostmaster() {
        return isPostmaster(localPart);
    }

    // ASCII-only comparison: equalsIgnoreCase would also fold look-alikes such as U+017F.
    static boolean isPostmaster(String text) {
        String expected = "postmaster";
        if (text.length() != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || (c | 0x20) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAddress other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Canonical mailbox text: local part quoted only when needed, A-label domain. */
    @Override
    public String toString() {
        return canonical;
    }
}
