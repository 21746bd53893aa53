package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.protocol.ListOptions;
import io.postflow.gateway.imap.protocol.MailboxPattern;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.Listing;
import io.postflow.gateway.mailbox.MailboxInfo;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LIST and LSUB (RFC 3501 §6.3.8, §6.3.9) from one call for the whole mailbox list. Levels with no
 * mailbox of their own are listed \Noselect; \HasChildren/\HasNoChildren (RFC 3348) and the
 * special-use attribute (RFC 6154) are added. LIST takes the RFC 5258 options ({@link ListSelection}),
 * SPECIAL-USE (RFC 6154 §3) and RETURN (STATUS) (RFC 5819), still in one call: the list carries every
 * mailbox's counters.
 */
@ApplicationScoped
public class ListHandler implements CommandHandler<ImapCommand.ListMailboxes> {

    private final MailboxClient mailbox;

    public ListHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.ListMailboxes> type() {
        return ImapCommand.ListMailboxes.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.ListMailboxes command, SessionContext session) {
        if (command.subscribedOnly()) {
            MailboxPattern pattern = MailboxPattern.of(command.reference(), command.patterns().get(0));
            return mailbox.subscriptions(session.account()).map(names -> {
                ImapWriter out = new ImapWriter();
                for (Map.Entry<String, List<String>> entry : lsub(names, pattern).entrySet()) {
                    out.raw("* LSUB ").list(entry.getValue()).raw(" \"/\" ").mailbox(entry.getKey()).crlf();
                }
                session.write(out);
                return Tagged.ok("LSUB completed");
            });
        }
        ListOptions options = command.options();
        if (command.patterns().equals(List.of("")) && !options.selects()) {
            // The hierarchy delimiter and root (RFC 3501 §6.3.8, RFC 5258 §3).
            session.write(new ImapWriter().raw("* LIST (\\Noselect) \"/\" \"\"").crlf());
            return Future.succeededFuture(Tagged.ok("LIST completed"));
        }
        List<MailboxPattern> patterns = command.patterns().stream()
                .map(p -> MailboxPattern.of(command.reference(), p)).toList();
        // One call either way: the subscription list only when an option needs names without mailboxes.
        Future<Listing> source = options.needsSubscriptions() ? mailbox.listing(session.account())
                : mailbox.mailboxes(session.account()).map(all -> new Listing(all,
                        all.stream().filter(MailboxInfo::subscribed).map(MailboxInfo::name).toList()));
        return source.map(listing -> {
            ImapWriter out = new ImapWriter();
            for (ListSelection.Entry entry : ListSelection.select(listing.mailboxes(), listing.subscriptions(), patterns, options)) {
                out.raw("* LIST ").list(entry.attributes()).raw(" \"/\" ").mailbox(entry.name());
                if (!entry.childInfo().isEmpty()) {
                    out.raw(" (\"CHILDINFO\" (");
                    for (int i = 0; i < entry.childInfo().size(); i++) {
                        out.raw(i == 0 ? "\"" : " \"").raw(entry.childInfo().get(i)).raw("\"");
                    }
                    out.raw("))");
                }
                out.crlf();
                if (!options.status().isEmpty() && entry.mailbox() != null) {
                    status(out, entry.name(), entry.mailbox(), options.status());
                }
            }
            session.write(out);
            return Tagged.ok("LIST completed");
        });
    }

    /** LIST-STATUS (RFC 5819 §2): the untagged STATUS right after the mailbox's LIST line. */
    private static void status(ImapWriter out, String name, MailboxInfo info, List<String> items) {
        out.raw("* STATUS ").mailbox(name).raw(" (");
        for (int i = 0; i < items.size(); i++) {
            out.raw(i == 0 ? "" : " ").raw(items.get(i)).sp().number(StatusHandler.value(items.get(i), info));
        }
        out.raw(")").crlf();
    }

    /**
     * The LSUB answer (RFC 3501 §6.3.9): the subscribed names the pattern matches, and, for a
     * subscribed name the pattern does not reach (a "%" stops at the delimiter), its unsubscribed
     * ancestors that the pattern does match, flagged \Noselect: "foo/bar" subscribed and "foo" not,
     * LSUB "" % answers foo (\Noselect). Subscriptions are names, so a subscribed name whose
     * mailbox was deleted is still listed.
     */
    static Map<String, List<String>> lsub(List<String> subscribed, MailboxPattern pattern) {
        java.util.Set<String> names = new java.util.HashSet<>(subscribed);
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (String name : subscribed) {
            if (pattern.matches(name)) {
                out.put(name, List.of());
                continue;
            }
            for (int at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1)) {
                String ancestor = name.substring(0, at);
                if (!names.contains(ancestor) && pattern.matches(ancestor)) {
                    out.putIfAbsent(ancestor, List.of("\\Noselect"));
                }
            }
        }
        return out;
    }

    /** Every name to list with its attributes, including levels without a mailbox. */
    static Map<String, List<String>> tree(List<MailboxInfo> all, boolean subscribedOnly) {
        Map<String, MailboxInfo> byName = new TreeMap<>();
        for (MailboxInfo m : all) {
            byName.put(m.name(), m);
        }
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (MailboxInfo m : all) {
            if (subscribedOnly && !m.subscribed()) {
                continue;
            }
            out.put(m.name(), attributes(m.name(), byName, m.specialUse()));
            if (!subscribedOnly) {
                String parent = m.name();
                while (parent.lastIndexOf('/') > 0) {
                    parent = parent.substring(0, parent.lastIndexOf('/'));
                    if (!byName.containsKey(parent)) {
                        List<String> attrs = new ArrayList<>(List.of("\\Noselect", "\\HasChildren"));
                        out.putIfAbsent(parent, attrs);
                    }
                }
            }
        }
        return out;
    }

    static List<String> attributes(String name, Map<String, MailboxInfo> byName, String specialUse) {
        List<String> attrs = new ArrayList<>();
        boolean children = byName.keySet().stream().anyMatch(other -> other.startsWith(name + "/"));
        attrs.add(children ? "\\HasChildren" : "\\HasNoChildren");
        if (specialUse != null) {
            attrs.add(specialUse);
        }
        return attrs;
    }
}
