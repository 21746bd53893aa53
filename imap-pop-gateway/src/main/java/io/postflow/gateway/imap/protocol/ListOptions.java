package io.postflow.gateway.imap.protocol;

import java.util.List;

/**
 * The options of an extended LIST (RFC 5258 §3): selection options say which names are listed,
 * return options what is said about them. SPECIAL-USE is both (RFC 6154 §3), STATUS a return
 * option (RFC 5819 §2). A plain RFC 3501 LIST has {@link #NONE}.
 *
 * @param subscribed       selection SUBSCRIBED: subscribed names, mailbox or not; implies {@code returnSubscribed}
 * @param remote           selection REMOTE: there are no remote mailboxes here, so it changes nothing
 * @param recursiveMatch   selection RECURSIVEMATCH: also parents of names meeting the criteria, with CHILDINFO
 * @param specialUse       selection SPECIAL-USE: only mailboxes with a special-use attribute
 * @param returnSubscribed return SUBSCRIBED: \Subscribed on subscribed names
 * @param returnChildren   return CHILDREN: \HasChildren / \HasNoChildren (always given here, RFC 3348)
 * @param returnSpecialUse return SPECIAL-USE: the special-use attributes (always given here)
 * @param status           return STATUS items, in the client's order; empty when not asked
 */
public record ListOptions(boolean subscribed, boolean remote, boolean recursiveMatch, boolean specialUse,
                          boolean returnSubscribed, boolean returnChildren, boolean returnSpecialUse, List<String> status) {

    public static final ListOptions NONE = new ListOptions(false, false, false, false, false, false, false, List.of());

    /** Whether a selection option narrows the listing to names meeting criteria (RFC 5258 "base" options). */
    public boolean selects() {
        return subscribed || specialUse;
    }

    /** Whether the answer needs the subscription list, not only the mailboxes' own subscribed flags. */
    public boolean needsSubscriptions() {
        return subscribed || returnSubscribed;
    }
}
