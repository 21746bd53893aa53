package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §5 NOOP. */
@ApplicationScoped
public class NoopHandler implements Pop3Handler<Pop3Command.Noop> {

    @Override
    public Class<Pop3Command.Noop> type() {
        return Pop3Command.Noop.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Noop command, Pop3Context session) {
        return Future.succeededFuture(Pop3Reply.ok(""));
    }
}
