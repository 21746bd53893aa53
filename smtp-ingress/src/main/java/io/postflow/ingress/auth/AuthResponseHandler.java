package io.postflow.ingress.auth;

import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * A client line inside an AUTH exchange (RFC 4954 §4): {@code *} cancels (501 5.7.0), anything
 * else is a base64 response for the step the exchange is at. A refusal ends the exchange.
 */
@ApplicationScoped
public class AuthResponseHandler {

    private final Authenticator authenticator;

    public AuthResponseHandler(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Uni<Outcome> respond(SmtpState.Authenticating state, Buffer line, SessionContext session) {
        SmtpState.Greeted back = new SmtpState.Greeted(state.identity());
        String response = line.toString(StandardCharsets.ISO_8859_1).strip();
        if (response.equals("*")) {
            return Uni.createFrom().item(Outcome.of(Replies.C501_AUTH_CANCELLED, back));
        }
        return Uni.createFrom().deferred(() -> step(state, response, session))
                .onFailure(SmtpRejection.class).recoverWithItem(e -> Outcome.of(((SmtpRejection) e).reply(), back));
    }

    private Uni<Outcome> step(SmtpState.Authenticating state, String response, SessionContext session) {
        SaslStep step = state.step();
        if (step instanceof SaslStep.AwaitLoginUser) {
            String user = SaslCredentials.decode(response);
            return Uni.createFrom().item(Outcome.of(Replies.C334_PASSWORD,
                    new SmtpState.Authenticating(state.identity(), new SaslStep.AwaitLoginPassword(user))));
        }
        SaslCredentials credentials = step instanceof SaslStep.AwaitLoginPassword login
                ? new SaslCredentials(login.user(), SaslCredentials.decode(response))
                : SaslCredentials.plain(response);
        return authenticator.verify(state.identity(), credentials, session);
    }
}
