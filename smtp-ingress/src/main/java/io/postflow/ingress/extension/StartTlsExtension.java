package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** RFC 3207: offered while the connection is plain text and a certificate is configured. */
@ApplicationScoped
public class StartTlsExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return !session.secure() && session.connection().tlsAvailable() ? Optional.of("STARTTLS") : Optional.empty();
    }
}
