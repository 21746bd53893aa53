package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** RFC 1939 §7 UIDL: {@code <UIDVALIDITY>.<UID>} of the INBOX message, stable across sessions and the same message IMAP shows. */
@ApplicationScoped
public class UidlHandler implements Pop3Handler<Pop3Command.Uidl> {

    @Override
    public Class<Pop3Command.Uidl> type() {
        return Pop3Command.Uidl.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Uidl command, Pop3Context session) {
        MaildropView drop = Transactions.maildrop(session);
        if (command.message() != null) {
            int n = command.message();
            return Future.succeededFuture(drop.exists(n) ? Pop3Reply.ok(n + " " + drop.uniqueId(n)) : Transactions.noSuchMessage(drop, n));
        }
        List<String> lines = new ArrayList<>(drop.count());
        for (int n = 1; n <= drop.size(); n++) {
            if (drop.exists(n)) {
                lines.add(n + " " + drop.uniqueId(n));
            }
        }
        return Future.succeededFuture(Pop3Reply.multiline("unique-id listing follows", lines));
    }
}
