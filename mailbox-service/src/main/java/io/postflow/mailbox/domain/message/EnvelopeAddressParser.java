package io.postflow.mailbox.domain.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses an address-list header (RFC 5322 §3.4, with the obsolete forms of §4.4) into ENVELOPE address
 * entries, keeping names and addresses as written. Mime4j's address parsers decode RFC 2047 words,
 * but RFC 3501 §7.4.2 sends them encoded. A quoted name or local part has its quoting undone (RFC 3501
 * §9, addr-name and addr-mailbox), because the IMAP string quotes it again.
 *
 * <p>Broken input degrades rather than fails. A missing local part or domain becomes Dovecot's
 * MISSING_MAILBOX or MISSING_DOMAIN: RFC 3501 uses a NIL host to mean a group marker, so NIL is not an
 * option there. A name-less mailbox followed by a comment takes the comment as its name, as in
 * "user@domain (Real Name)". Stray characters are skipped.
 */
final class EnvelopeAddressParser {

    static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    private final HeaderValueCursor in;
    private final List<EnvelopeAddress> out = new ArrayList<>();
    private boolean inGroup;

    private EnvelopeAddressParser(String value) {
        this.in = new HeaderValueCursor(value);
    }

    /** The entries of an unfolded address-list value; empty when it holds none. */
    static List<EnvelopeAddress> parse(String value) {
        return new EnvelopeAddressParser(value).list();
    }

    private List<EnvelopeAddress> list() {
        while (true) {
            in.skipCfws(null);
            if (in.atEnd()) {
                break;
            }
            if (in.at(',')) {
                in.skip();
            } else if (in.at(';')) {
                in.skip();
                endGroup();
            } else {
                address();
            }
        }
        endGroup(); // a group left open by a missing ';'
        return out;
    }

    private void address() {
        Words words = words();
        if (in.at(':') && !inGroup) {
            in.skip();
            out.add(new EnvelopeAddress.GroupStart(words.text()));
            inGroup = true;
        } else if (in.at('<')) {
            angleAddress(words);
        } else if (in.at('@')) {
            in.skip();
            String[] comment = new String[1];
            String host = domain(text -> comment[0] = text);
            in.skipCfws(text -> comment[0] = text);
            String name = comment[0] == null || comment[0].isEmpty() ? null : comment[0];
            out.add(mailbox(name, null, words.local(), host));
        } else if (!words.isEmpty()) {
            out.add(mailbox(null, null, words.local(), null)); // a bare word such as "To: john"
        } else {
            in.skip(); // a stray special such as '>' or ':' inside a group
        }
    }

    /** RFC 5322 §3.4 name-addr: [display-name] "<" [obs-route] addr-spec ">". */
    private void angleAddress(Words name) {
        in.skip();
        in.skipCfws(null);
        String route = route();
        Words local = words();
        String host = null;
        if (in.at('@')) {
            in.skip();
            host = domain(null);
        }
        while (!in.atEnd() && !in.at('>') && !in.at(',')) {
            in.skip(); // junk inside the brackets
        }
        if (in.at('>')) {
            in.skip();
        }
        out.add(mailbox(name.isEmpty() ? null : name.text(), route, local.local(), host));
    }

    /**
     * RFC 5322 §4.4 obs-route: "@" domain *("," ["@" domain]) ":". The scan only passes characters a
     * route can hold, so a '@' that starts no route costs a short rewind, never a search of the whole value.
     */
    private String route() {
        if (!in.at('@')) {
            return null;
        }
        int start = in.position();
        while (!in.atEnd() && isRouteChar(in.peek())) {
            in.skip();
        }
        if (!in.at(':')) {
            in.reset(start);
            return null;
        }
        String route = withoutSpace(in.substring(start, in.position()));
        in.skip();
        return route;
    }

    private static boolean isRouteChar(char c) {
        return HeaderValueCursor.isAtomChar(c) || c == '@' || c == ',' || c == ' ' || c == '\t' || c == '['
                || c == ']';
    }

    /**
     * RFC 5322 §3.4.1 domain: dot-atom or domain-literal, with CFWS between atoms dropped (§4.4). The
     * comments passed on the way go to the sink.
     */
    private String domain(Consumer<String> comments) {
        StringBuilder domain = new StringBuilder();
        while (true) {
            in.skipCfws(comments);
            if (in.at('[')) {
                domain.append(in.domainLiteral());
            } else if (!in.atEnd() && HeaderValueCursor.isAtomChar(in.peek())) {
                domain.append(in.atoms());
            } else {
                return domain.toString();
            }
        }
    }

    /**
     * A run of words (atoms, dots and quoted strings): the display name's phrase or the local part,
     * which only the character after it tells apart. Both forms are kept.
     */
    private Words words() {
        StringBuilder text = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        StringBuilder local = new StringBuilder();
        while (true) {
            int before = in.position();
            in.skipCfws(null);
            boolean spaced = in.position() > before;
            String word;
            if (in.at('"')) {
                int start = in.position();
                word = in.quotedString();
                raw.append(in.substring(start, in.position()));
            } else if (!in.atEnd() && HeaderValueCursor.isAtomChar(in.peek())) {
                word = in.atoms();
                raw.append(word);
            } else {
                return new Words(text.toString(), raw.toString(), local.toString());
            }
            local.append(word);
            // RFC 5322 §3.2.5: the words of a phrase are separated by whitespace; show one space.
            if (spaced && text.length() > 0) {
                text.append(' ');
            }
            text.append(word);
        }
    }

    private void endGroup() {
        if (inGroup) {
            out.add(new EnvelopeAddress.GroupEnd());
            inGroup = false;
        }
    }

    private static EnvelopeAddress.Mailbox mailbox(String name, String route, String local, String host) {
        return new EnvelopeAddress.Mailbox(name, route, local.isEmpty() ? MISSING_MAILBOX : local,
                host == null || host.isEmpty() ? MISSING_DOMAIN : host);
    }

    private static String withoutSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param text  the phrase's value: quoting undone, words separated by single spaces
     * @param raw   the words as written without the space between them
     * @param local the local part's value: quoting undone, no space between the words. RFC 3501 §9 says
     *              addr-mailbox "holds [RFC-2822] local-part after removing [RFC-2822] quoting", so
     *              {@code "john doe"@example.com} gives addr-mailbox {@code john doe}.
     */
    private record Words(String text, String raw, String local) {
        boolean isEmpty() {
            return raw.isEmpty();
        }
    }
}
