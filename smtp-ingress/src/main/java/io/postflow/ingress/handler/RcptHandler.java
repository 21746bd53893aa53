package io.postflow.ingress.handler;

import io.postflow.common.record.Recipient;
import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.domain.RecipientPolicy;
import io.postflow.ingress.extension.EsmtpExtensions;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RCPT TO (RFC 5321 §4.1.1.3): one recipient, checked against the relay policy, with its DSN
 * parameters. Beyond the recipient limit: 452 4.5.3, which tells the client to send the rest in
 * another transaction (§4.5.3.1.10).
 */
@ApplicationScoped
public class RcptHandler implements CommandHandler<SmtpCommand.Rcpt, SmtpState.InTransaction> {

    private final EsmtpExtensions extensions;
    private final RecipientPolicy recipients;

    public RcptHandler(EsmtpExtensions extensions, RecipientPolicy recipients) {
        this.extensions = extensions;
        this.recipients = recipients;
    }

    @Override
    public Uni<Outcome> handle(SmtpCommand.Rcpt command, SmtpState.InTransaction state, SessionContext session) {
        return Uni.createFrom().item(() -> checkedCount(state, session))
                .map(count -> recipients.accept(command.to(), state.identity(), session.settings().hostname()))
                .map(address -> extensions.recipient(address, command.parameters()))
                .map(recipient -> added(state, recipient));
    }

    private static int checkedCount(SmtpState.InTransaction state, SessionContext session) {
        int count = state.transaction().recipients().size();
        if (count >= session.settings().maxRecipients()) {
            throw new SmtpRejection(Replies.C452_TOO_MANY_RECIPIENTS);
        }
        return count;
    }

    private static Outcome added(SmtpState.InTransaction state, Recipient recipient) {
        return Outcome.of(Replies.C250_RECIPIENT_OK,
                new SmtpState.InTransaction(state.identity(), state.transaction().withRecipient(recipient)));
    }
}
