package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;

/**
 * Runs one SMTP command in a state where {@link io.postflow.ingress.session.CommandRules} already
 * allowed it. Refusals fail the Uni with {@link io.postflow.ingress.session.SmtpRejection}.
 *
 * @param <C> the command
 * @param <S> the state the command is valid in
 */
public interface CommandHandler<C extends SmtpCommand, S extends SmtpState> {

    Uni<Outcome> handle(C command, S state, SessionContext session);
}
