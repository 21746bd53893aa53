package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** NOOP (RFC 5321 §4.1.1.9): 250, nothing changes. */
@ApplicationScoped
public class NoopHandler implements CommandHandler<SmtpCommand.Noop, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Noop command, SmtpState state, SessionContext session) {
        return Uni.createFrom().item(Outcome.of(Replies.C250_OK, state));
    }
}
