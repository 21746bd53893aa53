package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 3501 §6.2.3; refused without TLS while LOGINDISABLED is announced (§6.2.3, §11.1). */
@ApplicationScoped
public class LoginHandler implements CommandHandler<ImapCommand.Login> {

    private final Logins logins;

    public LoginHandler(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Class<ImapCommand.Login> type() {
        return ImapCommand.Login.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Login command, SessionContext session) {
        if (!session.loginAllowed()) {
            return Future.succeededFuture(Tagged.no("PRIVACYREQUIRED", "LOGIN needs TLS first (STARTTLS)"));
        }
        return logins.login(session, command.user(), command.password(), "LOGIN");
    }
}
