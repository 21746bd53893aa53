package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** QUIT (RFC 5321 §4.1.1.10): 221, then the server closes. An open transaction is dropped. */
@ApplicationScoped
public class QuitHandler implements CommandHandler<SmtpCommand.Quit, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Quit command, SmtpState state, SessionContext session) {
        return Uni.createFrom().item(Outcome.closing(Replies.C221_BYE, state));
    }
}
