package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** RFC 2920: commands may be sent in groups; the session still runs them one at a time and answers in order. */
@ApplicationScoped
public class PipeliningExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("PIPELINING");
    }
}
