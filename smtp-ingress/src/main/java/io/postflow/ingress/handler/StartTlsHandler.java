package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * STARTTLS (RFC 3207 §4): 220, then the session drops any pipelined plain text and starts the
 * handshake; afterwards the client starts over with EHLO and nothing learnt before TLS counts
 * (§4.2), authentication included.
 */
@ApplicationScoped
public class StartTlsHandler implements CommandHandler<SmtpCommand.StartTls, SmtpState.Greeted> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.StartTls command, SmtpState.Greeted state, SessionContext session) {
        if (!session.connection().tlsAvailable()) {
            return Uni.createFrom().failure(new SmtpRejection(Replies.C454_TLS_UNAVAILABLE));
        }
        return Uni.createFrom().item(new Outcome(Replies.C220_READY_FOR_TLS, new SmtpState.Connected(), Outcome.After.START_TLS));
    }
}
