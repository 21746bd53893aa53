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

    private final EhloHandler ehlo;
    private final HeloHandler helo;
    private final MailHandler mail;
    private final RcptHandler rcpt;
    private final DataHandler data;
    private final BdatHandler bdat;
    private final RsetHandler rset;
    private final NoopHandler noop;
    private final QuitHandler quit;
    private final VrfyHandler vrfy;
    private final ExpnHandler expn;
    private final HelpHandler help;
    private final StartTlsHandler startTls;
    private final AuthHandler auth;

    public CommandDispatcher(EhloHandler ehlo, HeloHandler helo, MailHandler mail, RcptHandler rcpt, DataHandler data,
                             BdatHandler bdat, RsetHandler rset, NoopHandler noop, QuitHandler quit, VrfyHandler vrfy,
                             ExpnHandler expn, HelpHandler help, StartTlsHandler startTls, AuthHandler auth) {
        this.ehlo = ehlo;
        this.helo = helo;
        this.mail = mail;
        this.rcpt = rcpt;
        this.data = data;
        this.bdat = bdat;
        this.rset = rset;
        this.noop = noop;
        this.quit = quit;
        this.vrfy = vrfy;
        this.expn = expn;
        this.help = help;
        this.startTls = startTls;
        this.auth = auth;
    }

    public Uni<Outcome> dispatch(SmtpCommand command, SmtpState state, SessionContext session) {
        if (command instanceof SmtpCommand.Ehlo c) {
            return ehlo.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Helo c) {
            return helo.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Mail c) {
            return mail.handle(c, (SmtpState.Greeted) state, session);
        } else if (command instanceof SmtpCommand.Rcpt c) {
            return rcpt.handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Data c) {
            return data.handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Bdat c) {
            return bdat.handle(c, (SmtpState.InTransaction) state, session);
        } else if (command instanceof SmtpCommand.Rset c) {
            return rset.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Noop c) {
            return noop.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Quit c) {
            return quit.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Vrfy c) {
            return vrfy.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Expn c) {
            return expn.handle(c, state, session);
        } else if (command instanceof SmtpCommand.Help c) {
            return help.handle(c, state, session);
        } else if (command instanceof SmtpCommand.StartTls c) {
            return startTls.handle(c, (SmtpState.Greeted) state, session);
        } else if (command instanceof SmtpCommand.Auth c) {
            return auth.handle(c, (SmtpState.Greeted) state, session);
        }
        throw new IllegalStateException("no handler for " + command.getClass());
    }
}
