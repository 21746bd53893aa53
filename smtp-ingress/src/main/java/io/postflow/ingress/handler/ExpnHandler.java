package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** EXPN (RFC 5321 §3.5.2): disabled, 502, since it would disclose alias members (§7.3). */
@ApplicationScoped
public class ExpnHandler implements CommandHandler<SmtpCommand.Expn, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Expn command, SmtpState state, SessionContext session) {
        return Uni.createFrom().item(Outcome.of(Replies.C502_EXPN_DISABLED, state));
    }
}
