package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.SequenceSet;
import io.postflow.gateway.imap.session.SelectedView;

/** The UID set for the internal API of a command's message set, sequence numbers or UIDs. */
final class MessageSets {

    private MessageSets() {
    }

    /** Null when the set selects nothing (a UID set beyond every message is no error, §6.4.8). */
    static String uids(SelectedView view, SequenceSet set, boolean uid) {
        return uid ? view.uidsOfUidSet(set) : view.uidsOfSequences(set);
    }

    /** Ascending numbers as a compact IMAP set ({@code 1:3,7}), e.g. for [MODIFIED] (RFC 7162 §3.1.3). */
    static String compact(java.util.List<Long> ascending) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ascending.size(); i++) {
            long low = ascending.get(i);
            long high = low;
            while (i + 1 < ascending.size() && ascending.get(i + 1) == high + 1) {
                high = ascending.get(++i);
            }
            out.append(out.length() == 0 ? "" : ",").append(low);
            if (high != low) {
                out.append(':').append(high);
            }
        }
        return out.toString();
    }
}
