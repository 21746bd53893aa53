package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** HELO (RFC 5321 §4.1.1.1): plain SMTP, no extensions; ends an open transaction like EHLO. */
@ApplicationScoped
public class HeloHandler implements CommandHandler<SmtpCommand.Helo, SmtpState> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Helo command, SmtpState state, SessionContext session) {
        SmtpReply reply = SmtpReply.of(250, null, session.settings().hostname());
        return Uni.createFrom().item(Outcome.of(reply, new SmtpState.Greeted(Greetings.identity(state, command.domain(), false))));
    }
}
