package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §5 STAT: messages and octets, those marked as deleted not counted. */
@ApplicationScoped
public class StatHandler implements Pop3Handler<Pop3Command.Stat> {

    @Override
    public Class<Pop3Command.Stat> type() {
        return Pop3Command.Stat.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Stat command, Pop3Context session) {
        MaildropView drop = Transactions.maildrop(session);
        return Future.succeededFuture(Pop3Reply.ok(drop.count() + " " + drop.octets()));
    }
}
