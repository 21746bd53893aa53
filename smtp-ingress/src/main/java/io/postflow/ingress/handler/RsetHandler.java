package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RSET (RFC 5321 §4.1.1.5): drops the transaction only. The EHLO name and the authentication
 * are connection state and stay.
 */
@ApplicationScoped
public class RsetHandler implements CommandHandler<SmtpCommand.Rset, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Rset command, SmtpState state, SessionContext session) {
        SmtpState next = state;
        if (state instanceof SmtpState.InTransaction t) {
            next = new SmtpState.Greeted(t.identity());
        }
        return Uni.createFrom().item(Outcome.of(Replies.C250_RESET, next));
    }
}
