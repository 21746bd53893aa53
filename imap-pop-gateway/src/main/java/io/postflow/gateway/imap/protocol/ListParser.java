package io.postflow.gateway.imap.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LIST's arguments, plain (RFC 3501 §6.3.8) or extended (RFC 5258 §6): {@code LIST [SP "("
 * select-opts ")"] SP mailbox SP (list-mailbox / "(" list-mailbox *(SP list-mailbox) ")") [SP
 * "RETURN" SP "(" return-opts ")"]}; and CREATE's special use (RFC 6154 §3), which LIST reports. Unknown options are refused with BAD (RFC 5258 §3: a server
 * must not guess at options it does not know), as is RECURSIVEMATCH without a selection option it
 * could modify.
 */
final class ListParser {

    /** The STATUS items LIST-STATUS may ask for (RFC 5819 §2, those of RFC 3501 §6.3.10). */
    // DELETED-STORAGE is not among them: it costs a pass over each mailbox's entries, which a LIST of
    // every mailbox must not pay; STATUS of one mailbox answers it.
    static final List<String> STATUS_ITEMS = List.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ");

    private ListParser() {
    }

    static ImapCommand.ListMailboxes list(ImapReader r) {
        r.sp();
        Set<String> select = new LinkedHashSet<>();
        boolean extended = false;
        if (r.peek() == '(') {
            extended = true;
            select.addAll(options(r));
            r.sp();
        }
        String reference = r.mailbox();
        r.sp();
        List<String> patterns = new ArrayList<>();
        if (r.skip('(')) {
            extended = true;
            do {
                patterns.add(r.listMailbox());
            } while (r.skip(' '));
            r.expect(')');
        } else {
            patterns.add(r.listMailbox());
        }
        Set<String> returns = new LinkedHashSet<>();
        List<String> status = new ArrayList<>();
        if (r.skip(' ')) {
            if (!r.upperAtom().equals("RETURN")) {
                throw new IllegalArgumentException("expected RETURN after the mailbox pattern");
            }
            extended = true;
            r.sp();
            r.expect('(');
            while (!r.skip(')')) {
                if (!returns.isEmpty()) {
                    r.sp();
                }
                String option = r.upperAtom();
                if (option.equals("STATUS")) {
                    r.sp();
                    status = statusItems(r);
                }
                returns.add(option);
            }
        }
        if (!extended) {
            return new ImapCommand.ListMailboxes(reference, patterns.get(0), false);
        }
        return new ImapCommand.ListMailboxes(reference, patterns, false, options(select, returns, status));
    }

    /**
     * CREATE's optional parameters (RFC 4466 §2.2): only {@code USE (attr ...)} of CREATE-SPECIAL-USE
     * (RFC 6154 §6) is known; another is BAD.
     */
    static ImapCommand.Create create(String mailbox, ImapReader r) {
        if (!r.skip(' ')) {
            return new ImapCommand.Create(mailbox);
        }
        r.expect('(');
        List<String> use = new ArrayList<>();
        boolean first = true;
        while (!r.skip(')')) {
            if (!first) {
                r.sp();
            }
            first = false;
            String parameter = r.upperAtom();
            if (!parameter.equals("USE")) {
                throw new IllegalArgumentException("unknown CREATE parameter " + parameter);
            }
            r.sp();
            use.addAll(r.flagList());
        }
        for (String attribute : use) {
            if (!attribute.startsWith("\\")) {
                throw new IllegalArgumentException("a special use is a \\ attribute");
            }
        }
        return new ImapCommand.Create(mailbox, List.copyOf(use));
    }

    /** {@code "(" [option *(SP option)] ")"}, upper-cased. */
    private static List<String> options(ImapReader r) {
        r.expect('(');
        List<String> out = new ArrayList<>();
        while (!r.skip(')')) {
            if (!out.isEmpty()) {
                r.sp();
            }
            out.add(r.upperAtom());
        }
        return out;
    }

    private static List<String> statusItems(ImapReader r) {
        List<String> items = new ArrayList<>();
        r.expect('(');
        do {
            String item = r.upperAtom();
            if (!STATUS_ITEMS.contains(item)) {
                throw new IllegalArgumentException("unknown STATUS item " + item);
            }
            if (!items.contains(item)) {
                items.add(item);
            }
        } while (r.skip(' '));
        r.expect(')');
        return items;
    }

    private static ListOptions options(Set<String> select, Set<String> returns, List<String> status) {
        for (String option : select) {
            if (!List.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE").contains(option)) {
                throw new IllegalArgumentException("unknown LIST selection option " + option);
            }
        }
        for (String option : returns) {
            if (!List.of("SUBSCRIBED", "CHILDREN", "SPECIAL-USE", "STATUS").contains(option)) {
                throw new IllegalArgumentException("unknown LIST return option " + option);
            }
        }
        boolean subscribed = select.contains("SUBSCRIBED");
        boolean specialUse = select.contains("SPECIAL-USE");
        if (select.contains("RECURSIVEMATCH") && !subscribed && !specialUse) {
            // RFC 5258 §3: alone, or with REMOTE only, RECURSIVEMATCH is a syntax error.
            throw new IllegalArgumentException("RECURSIVEMATCH needs the SUBSCRIBED or SPECIAL-USE selection option");
        }
        return new ListOptions(subscribed, select.contains("REMOTE"), select.contains("RECURSIVEMATCH"), specialUse,
                subscribed || returns.contains("SUBSCRIBED"), returns.contains("CHILDREN"), returns.contains("SPECIAL-USE"),
                List.copyOf(status));
    }
}
