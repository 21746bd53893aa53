package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * VRFY (RFC 5321 §3.5.3): always 252 2.5.0. Confirming addresses would hand spammers a
 * directory harvest (§7.3); 252 is the answer §3.5.3 provides for exactly this.
 */
@ApplicationScoped
public class VrfyHandler implements CommandHandler<SmtpCommand.Vrfy, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Vrfy command, SmtpState state, SessionContext session) {
        return Uni.createFrom().item(Outcome.of(Replies.C252_CANNOT_VRFY, state));
    }
}
