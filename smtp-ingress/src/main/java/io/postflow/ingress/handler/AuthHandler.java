package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.auth.Authenticator;
import io.postflow.ingress.auth.SaslCredentials;
import io.postflow.ingress.auth.SaslStep;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * AUTH (RFC 4954 §4) with PLAIN (RFC 4616) and LOGIN, each with or without an initial response.
 * Both send the password as it is, so they run only over TLS or, when allowed, from loopback;
 * elsewhere 538 5.7.11.
 */
@ApplicationScoped
public class AuthHandler implements CommandHandler<SmtpCommand.Auth, SmtpState.Greeted> {

    private final Authenticator authenticator;

    public AuthHandler(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Uni<Outcome> handle(SmtpCommand.Auth command, SmtpState.Greeted state, SessionContext session) {
        String mechanism = command.mechanism();
        if (!mechanism.equals("PLAIN") && !mechanism.equals("LOGIN")) {
            return Uni.createFrom().failure(new SmtpRejection(Replies.C504_UNKNOWN_MECHANISM));
        }
        if (!session.plaintextAuthAllowed()) {
            return Uni.createFrom().failure(new SmtpRejection(Replies.C538_ENCRYPTION_REQUIRED));
        }
        String initial = command.initialResponse();
        if (mechanism.equals("PLAIN")) {
            return initial == null
                    ? await(Replies.C334_EMPTY, state, new SaslStep.AwaitPlain())
                    : Uni.createFrom().deferred(() -> authenticator.verify(state.identity(), SaslCredentials.plain(initial), session));
        }
        return initial == null
                ? await(Replies.C334_USERNAME, state, new SaslStep.AwaitLoginUser())
                : Uni.createFrom().item(() -> SaslCredentials.decode(initial))
                        .map(user -> Outcome.of(Replies.C334_PASSWORD, new SmtpState.Authenticating(state.identity(),
                                new SaslStep.AwaitLoginPassword(user))));
    }

    private static Uni<Outcome> await(SmtpReply challenge, SmtpState.Greeted state, SaslStep step) {
        return Uni.createFrom().item(Outcome.of(challenge, new SmtpState.Authenticating(state.identity(), step)));
    }
}
