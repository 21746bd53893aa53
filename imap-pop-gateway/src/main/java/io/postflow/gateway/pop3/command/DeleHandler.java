package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §5 DELE: only marks the message; it goes in the UPDATE state after QUIT (§6). */
@ApplicationScoped
public class DeleHandler implements Pop3Handler<Pop3Command.Dele> {

    @Override
    public Class<Pop3Command.Dele> type() {
        return Pop3Command.Dele.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Dele command, Pop3Context session) {
        MaildropView drop = Transactions.maildrop(session);
        int n = command.message();
        if (!drop.exists(n)) {
            return Future.succeededFuture(Transactions.noSuchMessage(drop, n));
        }
        drop.delete(n);
        return Future.succeededFuture(Pop3Reply.ok("message " + n + " deleted"));
    }
}
