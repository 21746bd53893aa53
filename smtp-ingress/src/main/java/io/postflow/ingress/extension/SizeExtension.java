package io.postflow.ingress.extension;

import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import io.postflow.common.smtp.SmtpReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 1870: the limit is announced in EHLO, a declared SIZE above it is refused at MAIL (§6.1,
 * 552 5.3.4), and the received size is enforced again at the end of the data.
 */
@ApplicationScoped
public class SizeExtension implements EsmtpExtension {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("SIZE " + session.settings().maxMessageSize());
    }

    @Override
    public Set<String> mailParameters() {
        return Set.of("SIZE");
    }

    @Override
    public void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        // RFC 1870 §3: size-value ::= 1*20DIGIT
        if (value == null || value.length() > 20 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SmtpRejection(SmtpReply.of(501, "5.5.4", "SIZE needs a number of octets"));
        }
        if (value.length() > 18 || Long.parseLong(value) > session.settings().maxMessageSize()) {
            throw new SmtpRejection(Replies.C552_TOO_LARGE);
        }
        into.declaredSize(Long.parseLong(value));
    }
}
