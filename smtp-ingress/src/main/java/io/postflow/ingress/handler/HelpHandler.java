package io.postflow.ingress.handler;

import io.postflow.common.smtp.EnhancedStatus;
import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** HELP (RFC 5321 §4.1.1.8): 214 with the commands this server knows. */
@ApplicationScoped
public class HelpHandler implements CommandHandler<SmtpCommand.Help, SmtpState> {

    static final SmtpReply C214_HELP = new SmtpReply(214, EnhancedStatus.parse("2.0.0"), List.of(
            "Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH",
            "See RFC 5321; mail to postmaster for help with this server"));

    @Override
    public Uni<Outcome> handle(SmtpCommand.Help command, SmtpState state, SessionContext session) {
        return Uni.createFrom().item(Outcome.of(C214_HELP, state));
    }
}
