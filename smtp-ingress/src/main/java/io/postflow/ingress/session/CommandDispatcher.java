package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.handler.AuthHandler;
import io.postflow.ingress.handler.BdatHandler;
import io.postflow.ingress.handler.DataHandler;
import io.postflow.ingress.handler.EhloHandler;
import io.postflow.ingress.handler.ExpnHandler;
import io.postflow.ingress.handler.HeloHandler;
import io.postflow.ingress.handler.HelpHandler;
import io.postflow.ingress.handler.MailHandler;
import io.postflow.ingress.handler.NoopHandler;
import io.postflow.ingress.handler.QuitHandler;
import io.postflow.ingress.handler.RcptHandler;
import io.postflow.ingress.handler.RsetHandler;
import io.postflow.ingress.handler.StartTlsHandler;
import io.postflow.ingress.handler.VrfyHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One arm per command, each a call to its handler. Java 17 has no pattern switch, so this is an
 * instanceof chain over the sealed {@link SmtpCommand}; the casts of the state are safe because
 * {@link CommandRules} ran first.
 */
@ApplicationScoped
public class CommandDispatcher {

    /** The handlers, one per command. */
    public record Handlers(EhloHandler ehlo, HeloHandler helo, MailHandler mail, RcptHandler rcpt, DataHandler data,
                           BdatHandler bdat, RsetHandler rset, NoopHandler noop, QuitHandler quit, VrfyHandler vrfy,
                           ExpnHandler expn, HelpHandler help, StartTlsHandler startTls, AuthHandler auth) {
    }

    private final Handlers h;

    public CommandDispatcher(EhloHandler ehlo, HeloHandler helo, MailHandler mail, RcptHandler rcpt, DataHandler data,
                             BdatHandler bdat, RsetHandler rset, NoopHandler noop, QuitHandler quit, VrfyHandler vrfy,
                             ExpnHandler expn, HelpHandler help, StartTlsHandler startTls, AuthHandler auth) {
        this.h = new Handlers(ehlo, helo, mail, rcpt, data, bdat, rset, noop, quit, vrfy, expn, help, startTls, auth);
    }

    public Uni<Outcome> dispatch(SmtpCommand command, SmtpState state, SessionContext session) {
        if (command instanceof SmtpCommand.Ehlo c) {
            return h.ehlo().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Helo c) {
            return h.helo().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Mail c) {
            return h.mail().handle(c, (SmtpState.Greeted) state, session);
        } else if (command instanceof SmtpCommand.Rcpt c) {
            return h.rcpt().handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Data c) {
            return h.data().handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Bdat c) {
            return h.bdat().handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Rset c) {
            return h.rset().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Noop c) {
            return h.noop().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Quit c) {
            return h.quit().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Vrfy c) {
            return h.vrfy().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Expn c) {
            return h.expn().handle(c, state, session);
        } else if (command instanceof SmtpCommand.Help c) {
            return h.help().handle(c, state, session);
        } else if (command instanceof SmtpCommand.StartTls c) {
            return h.startTls().handle(c, (SmtpState.Greeted) state, session);
        } else if (command instanceof SmtpCommand.Auth c) {
            return h.auth().handle(c, (SmtpState.Greeted) state, session);
        }
        throw new IllegalStateException("no handler for " + command.getClass());
    }
}
