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
}
