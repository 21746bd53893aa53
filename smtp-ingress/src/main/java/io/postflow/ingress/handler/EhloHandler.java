package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.extension.EsmtpExtensions;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 §4.1.1.1): names the server and lists the extensions. Valid in any state; like
 * RSET it ends an open transaction (§4.1.4). No enhanced status: RFC 2034 §3 exempts EHLO.
 */
@ApplicationScoped
public class EhloHandler implements CommandHandler<SmtpCommand.Ehlo, SmtpState> {

    private final EsmtpExtensions extensions;

    public EhloHandler(EsmtpExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public Uni<Outcome> handle(SmtpCommand.Ehlo command, SmtpState state, SessionContext session) {
        Identity identity = Greetings.identity(state, command.domain(), true);
        List<String> lines = new ArrayList<>();
        lines.add(session.settings().hostname() + " Hello " + command.domain() + " [" + session.clientAddress() + "]");
        lines.addAll(extensions.ehloKeywords(session));
        return Uni.createFrom().item(Outcome.of(new SmtpReply(250, null, lines), new SmtpState.Greeted(identity)));
    }
}
