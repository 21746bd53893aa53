package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** RFC 2034: every 2xx/4xx/5xx reply but the greeting and EHLO carries an RFC 3463 status (see SmtpReplyEncoder). */
@ApplicationScoped
public class EnhancedStatusCodesExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("ENHANCEDSTATUSCODES");
    }
}
