package io.postflow.ingress.extension;

import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 6531: UTF-8 addresses and headers. The valueless {@code SMTPUTF8} MAIL parameter (§3.4)
 * lets the transaction's paths hold UTF-8; the parser reads it from the MAIL line itself.
 */
@ApplicationScoped
public class SmtpUtf8Extension implements EsmtpExtension {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("SMTPUTF8");
    }

    @Override
    public Set<String> mailParameters() {
        return Set.of("SMTPUTF8");
    }

    @Override
    public void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        if (value != null) {
            throw new SmtpRejection(SmtpReply.of(501, "5.5.4", "SMTPUTF8 takes no value"));
        }
        into.smtpUtf8();
    }
}
