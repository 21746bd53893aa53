package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ListOptions;
import io.postflow.gateway.imap.protocol.MailboxPattern;
import io.postflow.gateway.mailbox.MailboxInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which names an extended LIST answers and with what (RFC 5258 §3, RFC 6154 §3), from the
 * mailboxes and the subscribed names. Without a selection option every mailbox and every level
 * above one is a candidate, as in RFC 3501; with SUBSCRIBED and/or SPECIAL-USE only the names
 * meeting all of them, and with RECURSIVEMATCH also the names the pattern matches that have a
 * descendant meeting them which the pattern does not match, flagged with CHILDINFO.
 */
final class ListSelection {

    /**
     * One LIST line.
     *
     * @param mailbox   the mailbox, or null for a name without one (\Noselect level or \NonExistent)
     * @param childInfo the RFC 5258 CHILDINFO criteria, e.g. {@code SUBSCRIBED}; empty for none
     */
    record Entry(String name, List<String> attributes, MailboxInfo mailbox, List<String> childInfo) {
    }

    private ListSelection() {
    }

    /**
     * @param subscribed the subscribed names; only asked for when the options need them, else
     *                   the mailboxes' own flags stand in (a name without a mailbox is then not known)
     */
    static List<Entry> select(List<MailboxInfo> all, Collection<String> subscribed, List<MailboxPattern> patterns,
                              ListOptions options) {
        Map<String, MailboxInfo> byName = new TreeMap<>();
        for (MailboxInfo m : all) {
            byName.put(m.name(), m);
        }
        Set<String> subscriptions = new TreeSet<>(subscribed);
        TreeMap<String, List<String>> childInfo = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        if (!options.selects()) {
            names.addAll(ListHandler.tree(all, false).keySet());
            names.removeIf(name -> !matches(patterns, name));
        } else {
            Set<String> universe = new TreeSet<>(byName.keySet());
            if (options.subscribed()) {
                universe.addAll(subscriptions);
            }
            List<String> criteria = criteria(options);
            for (String name : universe) {
                if (!meets(name, options, byName, subscriptions)) {
                    continue;
                }
                if (matches(patterns, name)) {
                    names.add(name);
                } else if (options.recursiveMatch()) {
                    for (int at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1)) {
                        String ancestor = name.substring(0, at);
                        if (matches(patterns, ancestor)) {
                            names.add(ancestor);
                            childInfo.put(ancestor, criteria);
                        }
                    }
                }
            }
        }
        List<Entry> out = new ArrayList<>(names.size());
        for (String name : names) {
            MailboxInfo mailbox = byName.get(name);
            List<String> attributes = new ArrayList<>();
            if (mailbox == null) {
                // A level above mailboxes, or a name subscribed or matched for its children only.
                boolean level = byName.keySet().stream().anyMatch(other -> other.startsWith(name + "/"));
                if (options.selects() || !level) {
                    attributes.add("\\NonExistent");
                } else {
                    attributes.add("\\Noselect");
                    attributes.add("\\HasChildren");
                }
            } else {
                attributes.addAll(ListHandler.attributes(name, byName, mailbox.specialUse()));
            }
            if (options.returnSubscribed() && subscriptions.contains(name)) {
                attributes.add("\\Subscribed");
            }
            out.add(new Entry(name, attributes, mailbox, childInfo.getOrDefault(name, List.of())));
        }
        return out;
    }

    /** The base selection criteria in force, as CHILDINFO names them. */
    private static List<String> criteria(ListOptions options) {
        List<String> out = new ArrayList<>();
        if (options.subscribed()) {
            out.add("SUBSCRIBED");
        }
        if (options.specialUse()) {
            out.add("SPECIAL-USE");
        }
        return out;
    }

    private static boolean meets(String name, ListOptions options, Map<String, MailboxInfo> byName, Set<String> subscriptions) {
        if (options.subscribed() && !subscriptions.contains(name)) {
            return false;
        }
        if (options.specialUse()) {
            MailboxInfo m = byName.get(name);
            return m != null && m.specialUse() != null;
        }
        return true;
    }

    private static boolean matches(List<MailboxPattern> patterns, String name) {
        for (MailboxPattern p : patterns) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
