package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3State;

/** What the TRANSACTION-state handlers share. */
final class Transactions {

    private Transactions() {
    }

    /** The locked maildrop; {@code CommandRules} lets these commands run only in TRANSACTION. */
    static MaildropView maildrop(Pop3Context session) {
        return ((Pop3State.Transaction) session.state()).maildrop();
    }

    static String account(Pop3Context session) {
        return ((Pop3State.Transaction) session.state()).account();
    }

    /** RFC 1939 §5: a marked message may not be referred to. */
    static Pop3Reply noSuchMessage(MaildropView drop, int n) {
        return Pop3Reply.err(drop.isDeleted(n) ? "message " + n + " already deleted" : "no such message");
    }
}
