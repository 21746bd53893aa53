package io.postflow.ingress.handler;

import io.postflow.common.record.MailParameters;
import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.domain.SenderPolicy;
import io.postflow.ingress.extension.EsmtpExtensions;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.postflow.ingress.session.Transaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * MAIL FROM (RFC 5321 §4.1.1.2): opens a transaction. Each parameter goes to the extension that
 * announced it (SIZE, BODY, SMTPUTF8, RET, ENVID, AUTH); an authenticated sender must own the
 * address.
 */
@ApplicationScoped
public class MailHandler implements CommandHandler<SmtpCommand.Mail, SmtpState.Greeted> {

    private final EsmtpExtensions extensions;
    private final SenderPolicy senders;

    public MailHandler(EsmtpExtensions extensions, SenderPolicy senders) {
        this.extensions = extensions;
        this.senders = senders;
    }

    @Override
    public Uni<Outcome> handle(SmtpCommand.Mail command, SmtpState.Greeted state, SessionContext session) {
        return Uni.createFrom().item(() -> extensions.mailParameters(command.parameters(), session))
                .invoke(parameters -> senders.check(command.from(), state.identity()))
                .map(parameters -> open(command, state, parameters));
    }

    private static Outcome open(SmtpCommand.Mail command, SmtpState.Greeted state, MailParameters parameters) {
        Transaction transaction = Transaction.begin(command.from(), parameters);
        return Outcome.of(Replies.C250_SENDER_OK, new SmtpState.InTransaction(state.identity(), transaction));
    }
}
