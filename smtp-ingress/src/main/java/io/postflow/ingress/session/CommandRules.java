package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import java.util.Optional;

/**
 * Which command is valid in which state, in one place (RFC 5321 §4.1.4 ordering, RFC 3030 §2 for
 * BDAT, RFC 3207 §4 for STARTTLS, RFC 4954 §4 for AUTH, RFC 6409 §4.3 for submission). A refusal
 * is a 503 5.5.1 naming what is missing, or 530 5.7.0 for MAIL before AUTH on a submission port.
 * Handlers run only when this allowed them, so they may rely on the state's type.
 */
public final class CommandRules {

    private CommandRules() {
    }

    public static Optional<SmtpReply> check(SmtpState state, SmtpCommand command, SessionContext session) {
        if (alwaysValid(command)) {
            return Optional.empty();
        }
        if (state instanceof SmtpState.Greeted greeted) {
            return greeted(greeted, command, session);
        }
        if (state instanceof SmtpState.InTransaction transaction) {
            return inTransaction(transaction, command);
        }
        // Connected: nothing but the always-valid commands before EHLO/HELO.
        return refuse("Send EHLO or HELO first");
    }

    /** RFC 5321 §4.1.4: these may be sent at any time (EHLO and HELO end a transaction). */
    private static boolean alwaysValid(SmtpCommand command) {
        return command instanceof SmtpCommand.Ehlo || command instanceof SmtpCommand.Helo
                || command instanceof SmtpCommand.Rset || command instanceof SmtpCommand.Noop
                || command instanceof SmtpCommand.Quit || command instanceof SmtpCommand.Vrfy
                || command instanceof SmtpCommand.Expn || command instanceof SmtpCommand.Help;
    }

    private static Optional<SmtpReply> greeted(SmtpState.Greeted state, SmtpCommand command, SessionContext session) {
        if (command instanceof SmtpCommand.Mail) {
            boolean needsAuth = session.listener().submission() && !state.identity().authenticated();
            return needsAuth ? Optional.of(Replies.C530_AUTH_REQUIRED) : Optional.empty();
        }
        if (command instanceof SmtpCommand.StartTls) {
            return session.secure() ? refuse("Already using TLS") : Optional.empty();
        }
        if (command instanceof SmtpCommand.Auth) {
            if (!state.identity().extended()) {
                return refuse("AUTH needs EHLO first");
            }
            return state.identity().authenticated() ? refuse("Already authenticated") : Optional.empty();
        }
        return refuse("Send MAIL first"); // RCPT, DATA, BDAT
    }

    private static Optional<SmtpReply> inTransaction(SmtpState.InTransaction state, SmtpCommand command) {
        Transaction transaction = state.transaction();
        if (command instanceof SmtpCommand.Rcpt) {
            return transaction.chunking() ? refuse("RCPT not allowed after BDAT") : Optional.empty();
        }
        if (command instanceof SmtpCommand.Data) {
            if (transaction.chunking()) {
                return refuse("DATA not allowed after BDAT"); // RFC 3030 §2
            }
            return transaction.recipients().isEmpty() ? refuse("No valid recipients") : Optional.empty();
        }
        if (command instanceof SmtpCommand.Bdat) {
            return transaction.recipients().isEmpty() ? refuse("No valid recipients") : Optional.empty();
        }
        if (command instanceof SmtpCommand.Mail) {
            return refuse("Nested MAIL command");
        }
        return refuse("Not allowed during a mail transaction"); // STARTTLS, AUTH (RFC 4954 §4)
    }

    private static Optional<SmtpReply> refuse(String text) {
        return Optional.of(Replies.C503_BAD_SEQUENCE.withText(text));
    }
}
