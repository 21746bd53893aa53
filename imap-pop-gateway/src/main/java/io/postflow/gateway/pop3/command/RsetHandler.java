package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §5 RSET: every deletion mark goes. */
@ApplicationScoped
public class RsetHandler implements Pop3Handler<Pop3Command.Rset> {

    @Override
    public Class<Pop3Command.Rset> type() {
        return Pop3Command.Rset.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Rset command, Pop3Context session) {
        MaildropView drop = Transactions.maildrop(session);
        drop.reset();
        return Future.succeededFuture(Pop3Reply.ok("maildrop has " + drop.count() + " messages (" + drop.octets() + " octets)"));
    }
}
