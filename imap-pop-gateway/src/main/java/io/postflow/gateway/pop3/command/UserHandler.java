package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.protocol.ResponseCode;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.postflow.gateway.pop3.session.Pop3State;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §7 USER; refused without TLS unless allowed (RFC 2595 §2, CONTRACT). Any name is accepted here. */
@ApplicationScoped
public class UserHandler implements Pop3Handler<Pop3Command.User> {

    @Override
    public Class<Pop3Command.User> type() {
        return Pop3Command.User.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.User command, Pop3Context session) {
        if (!session.loginAllowed()) {
            return Future.succeededFuture(Pop3Reply.err(ResponseCode.AUTH, "plain-text login needs TLS first (STLS)"));
        }
        // Saying whether the user exists would let anyone probe for accounts: PASS answers for both.
        session.state(new Pop3State.Authorization(command.name()));
        return Future.succeededFuture(Pop3Reply.ok("send PASS"));
    }
}
