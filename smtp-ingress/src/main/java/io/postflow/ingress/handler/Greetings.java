package io.postflow.ingress.handler;

import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.SmtpState;

/** The identity after an EHLO or HELO: the new name, and any authentication kept. */
final class Greetings {

    private Greetings() {
    }

    static Identity identity(SmtpState state, String helo, boolean extended) {
        if (state instanceof SmtpState.Greeted g) {
            return g.identity().greetedAgain(helo, extended);
        }
        if (state instanceof SmtpState.InTransaction t) {
            return t.identity().greetedAgain(helo, extended);
        }
        return new Identity(helo, extended, null);
    }
}
