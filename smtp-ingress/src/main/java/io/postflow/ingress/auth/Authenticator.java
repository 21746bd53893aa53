package io.postflow.ingress.auth;

import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Ends an AUTH exchange (RFC 4954 §6): 235 2.7.0 and the account in the session, or 535 5.7.8,
 * or 454 4.7.0 when the check is unavailable or throttled. Each failure is answered a little
 * later than the one before — counted per connection and per client address across connections,
 * so reconnecting does not reset it — and after {@code maxAuthFailures} the connection is closed
 * with 421 4.7.0: guessing passwords is slow on top of mailbox-service's per-account throttle.
 */
@ApplicationScoped
public class Authenticator {

    /** Past this many failures the delay stops growing: a user who mistyped is not locked out. */
    static final int MAX_DELAY_STEPS = 15;

    private final PasswordCheck passwords;
    private final AuthFailures failuresByAddress;

    public Authenticator(PasswordCheck passwords, AuthFailures failuresByAddress) {
        this.passwords = passwords;
        this.failuresByAddress = failuresByAddress;
    }

    public Uni<Outcome> verify(Identity identity, SaslCredentials credentials, SessionContext session) {
        return passwords.verify(credentials.user(), credentials.password(), session.clientAddress())
                .chain(verdict -> outcome(verdict, identity, session));
    }

    private Uni<Outcome> outcome(AuthVerdict verdict, Identity identity, SessionContext session) {
        SmtpState.Greeted unchanged = new SmtpState.Greeted(identity);
        if (verdict instanceof AuthVerdict.Verified v) {
            failuresByAddress.succeeded(session.clientAddress());
            Identity authenticated = identity.withUser(new Identity.AuthenticatedUser(v.account(), v.accountId()));
            return Uni.createFrom().item(Outcome.of(Replies.C235_AUTHENTICATED, new SmtpState.Greeted(authenticated)));
        }
        if (verdict instanceof AuthVerdict.Unavailable) {
            return Uni.createFrom().item(Outcome.of(Replies.C454_AUTH_UNAVAILABLE, unchanged));
        }
        SmtpReply reply = verdict instanceof AuthVerdict.Throttled ? Replies.C454_AUTH_UNAVAILABLE : Replies.C535_BAD_CREDENTIALS;
        int failures = session.authFailed();
        int steps = Math.min(MAX_DELAY_STEPS, Math.max(failures, failuresByAddress.failed(session.clientAddress())));
        Outcome outcome = failures >= session.settings().maxAuthFailures()
                ? Outcome.closing(Replies.C421_TOO_MANY_AUTH_FAILURES, unchanged)
                : Outcome.of(reply, unchanged);
        Duration delay = session.settings().authFailureDelay().multipliedBy(steps);
        Uni<Outcome> answer = Uni.createFrom().item(outcome);
        return delay.isZero() ? answer : answer.onItem().delayIt().by(delay);
    }
}
