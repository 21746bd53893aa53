package io.postflow.common.address;

import com.ibm.icu.text.IDNA;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A DNS domain of a mail address, validated and held in both IDNA forms.
 *
 * <p>Internationalised names are converted with UTS #46 <em>non-transitional</em> processing
 * (IDNA2008 semantics: {@code faß.de} is {@code xn--fa-hia.de}, not {@code fass.de}).
 * {@code java.net.IDN} implements IDNA2003 and must not be used for this.
 * Equality is on the lower-case A-label form, the canonical lookup key.
 */
public final class Domain {

    /** RFC 1035 §2.3.4: 63 octets per label. */
    public static final int MAX_LABEL_OCTETS = 63;
    /** RFC 1035 §2.3.4 allows 255 on the wire, i.e. 253 characters in dotted text form. */
    public static final int MAX_DOMAIN_OCTETS = 253;

    private static final IDNA UTS46 = IDNA.getUTS46Instance( // ICU: immutable and thread-safe
            IDNA.NONTRANSITIONAL_TO_ASCII
                    | IDNA.NONTRANSITIONAL_TO_UNICODE
                    | IDNA.CHECK_BIDI
                    | IDNA.CHECK_CONTEXTJ
                    | IDNA.USE_STD3_RULES);

    private final String original;
    private final String ascii;
    private final String unicode;

    private Domain(String original, String ascii, String unicode) {
        this.original = original;
        this.ascii = ascii;
        this.unicode = unicode;
    }

    /**
     * Parses a dot-atom domain (RFC 5321 §4.1.2 {@code Domain}) in A-label or U-label form.
     *
     * @throws AddressException if it is not a valid domain
     */
    public static Domain parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new AddressException("empty domain");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new AddressException("space or control character in domain");
            }
        }
        String ascii = toAscii(text);
        checkLabels(ascii);
        return new Domain(text, ascii, toUnicode(ascii));
    }

    /** Lower-case A-label form, e.g. {@code xn--fa-hia.de}: the canonical key. */
    public String ascii() {
        return ascii;
    }

    /** U-label form, e.g. {@code faß.de}; equal to {@link #ascii()} for a plain ASCII name. */
    public String unicode() {
        return unicode;
    }

    /** The text as it was parsed. */
    public String original() {
        return original;
    }

    /** True if the domain has at least one A-label, i.e. {@link #unicode()} differs from {@link #ascii()}. */
    public boolean isInternationalized() {
        return !ascii.equals(unicode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain other && ascii.equals(other.ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return ascii;
    }

    private static String toAscii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(text, out, info);
        rejectErrors(info.getErrors());
        return out.toString();
    }

    private static String toUnicode(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToUnicode(ascii, out, info);
        rejectErrors(info.getErrors());
        return out.toString();
    }

    /*
     * ICU always applies the UTS #46 CheckHyphens rule, which also refuses plain LDH labels such as
     * "ab--cd". RFC 5890 §2.3.1 only reserves those; RFC 5321 syntax allows them and real hosts use
     * them, so HYPHEN_3_4 is tolerated here and re-checked per label in checkLabels: an A-label
     * whose U-label has "--" in positions 3 and 4 is still refused.
     */
    private static void rejectErrors(Set<IDNA.Error> errors) {
        if (errors.isEmpty()) {
            return;
        }
        Set<IDNA.Error> real = EnumSet.copyOf(errors);
        real.remove(IDNA.Error.HYPHEN_3_4);
        if (real.contains(IDNA.Error.LABEL_TOO_LONG)) {
            throw new AddressException("domain label too long");
        }
        if (real.contains(IDNA.Error.DOMAIN_NAME_TOO_LONG)) {
            throw new AddressException("domain too long");
        }
        if (real.contains(IDNA.Error.EMPTY_LABEL)) {
            throw new AddressException("empty domain label");
        }
        if (!real.isEmpty()) {
            throw new AddressException("invalid domain (IDNA " + real.iterator().next().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private static void checkLabels(String ascii) {
        if (ascii.length() > MAX_DOMAIN_OCTETS) {
            throw new AddressException("domain too long");
        }
        if (ascii.endsWith(".")) {
            // RFC 5321 §4.1.2: Domain = sub-domain *("." sub-domain); no root dot in mail.
            throw new AddressException("domain ends with a dot");
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            checkLdhLabel(label);
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // RFC 3696 §2: a TLD is never all-numeric; this also keeps bare IPv4 text out.
            throw new AddressException("all-numeric top-level domain");
        }
    }

    // RFC 5321 §4.1.2: sub-domain = Let-dig [Ldh-str]; RFC 1035 §2.3.4 for the length.
    private static void checkLdhLabel(String label) {
        if (label.isEmpty()) {
            throw new AddressException("empty domain label");
        }
        if (label.getBytes(StandardCharsets.US_ASCII).length > MAX_LABEL_OCTETS) {
            throw new AddressException("domain label too long");
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw new AddressException("domain label starts or ends with a hyphen");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!ldh) {
                throw new AddressException("invalid character in domain");
            }
        }
        if (label.startsWith("xn--")) {
            // An A-label must decode to a U-label that passes every check, hyphens included.
            StringBuilder out = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            UTS46.labelToUnicode(label, out, info);
            if (!info.getErrors().isEmpty()) {
                throw new AddressException("invalid A-label in domain");
            }
        }
    }
}
