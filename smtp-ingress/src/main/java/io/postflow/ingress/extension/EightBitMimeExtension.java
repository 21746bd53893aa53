package io.postflow.ingress.extension;

import io.postflow.common.record.MailParameters;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 6152: {@code BODY=7BIT} or {@code BODY=8BITMIME}. BINARYMIME (RFC 3030) is not offered,
 * so it is refused like any value this server did not announce.
 */
@ApplicationScoped
public class EightBitMimeExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("8BITMIME");
    }

    @Override
    public Set<String> mailParameters() {
        return Set.of("BODY");
    }

    @Override
    public void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        String body = value == null ? "" : value.toUpperCase(Locale.ROOT);
        if (!body.equals(MailParameters.BODY_7BIT) && !body.equals(MailParameters.BODY_8BITMIME)) {
            throw new SmtpRejection(SmtpReply.of(555, "5.5.4", "BODY must be 7BIT or 8BITMIME"));
        }
        into.body(body);
    }
}
