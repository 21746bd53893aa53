package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.postflow.gateway.pop3.session.Pop3State;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §7 PASS, right after USER; on failure the session is back in AUTHORIZATION without a user. */
@ApplicationScoped
public class PassHandler implements Pop3Handler<Pop3Command.Pass> {

    private final Logins logins;

    public PassHandler(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Class<Pop3Command.Pass> type() {
        return Pop3Command.Pass.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Pass command, Pop3Context session) {
        String user = ((Pop3State.Authorization) session.state()).user();
        return logins.login(session, user, command.password());
    }
}
