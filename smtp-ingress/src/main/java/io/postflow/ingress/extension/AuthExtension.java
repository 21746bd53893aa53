package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 4954: AUTH PLAIN and LOGIN, offered only where a password may cross the connection (TLS,
 * or loopback when the CONTRACT flag allows it), so clients never send it in the clear. The MAIL
 * {@code AUTH=} parameter (§5) is accepted and ignored: the submitter is the authenticated user.
 */
@ApplicationScoped
public class AuthExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return session.plaintextAuthAllowed() ? Optional.of("AUTH PLAIN LOGIN") : Optional.empty();
    }

    @Override
    public Set<String> mailParameters() {
        return Set.of("AUTH");
    }

    @Override
    public void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        // RFC 4954 §5: the value names the original submitter for trusted relays; Postflow does not
        // trust it, so it is dropped (allowed by §5: "MAY ... treat it as <>").
    }
}
