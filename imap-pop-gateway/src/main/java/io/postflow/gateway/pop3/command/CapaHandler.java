package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 2449 §5 CAPA, in both states; what is listed depends on the state and on TLS. */
@ApplicationScoped
public class CapaHandler implements Pop3Handler<Pop3Command.Capa> {

    @Override
    public Class<Pop3Command.Capa> type() {
        return Pop3Command.Capa.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Capa command, Pop3Context session) {
        return Future.succeededFuture(Pop3Reply.multiline("capability list follows", session.capabilities()));
    }
}
