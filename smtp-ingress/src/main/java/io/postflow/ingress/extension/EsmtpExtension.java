package io.postflow.ingress.extension;

import io.postflow.ingress.session.SessionContext;
import java.util.Optional;
import java.util.Set;

/**
 * One ESMTP service extension (RFC 5321 §2.2): its EHLO keyword and the MAIL/RCPT parameters it
 * owns. Implementations are CDI beans collected with {@code Instance<EsmtpExtension>}; a new
 * extension is a new class, not an edit of the handlers.
 */
public interface EsmtpExtension {

    /** Position of the keyword in the EHLO reply (ascending). */
    int order();

    /** The EHLO keyword line (with its parameters) offered to this session now, or empty. */
    Optional<String> ehloKeyword(SessionContext session);

    /** MAIL FROM parameter keywords (upper case) this extension handles. */
    default Set<String> mailParameters() {
        return Set.of();
    }

    /**
     * Applies one MAIL FROM parameter.
     *
     * @throws io.postflow.ingress.session.SmtpRejection for a value it refuses
     */
    default void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no MAIL parameter " + keyword);
    }

    /** RCPT TO parameter keywords (upper case) this extension handles. */
    default Set<String> rcptParameters() {
        return Set.of();
    }

    /**
     * Applies one RCPT TO parameter.
     *
     * @throws io.postflow.ingress.session.SmtpRejection for a value it refuses
     */
    default void applyRcptParameter(String keyword, String value, RecipientBuilder into) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no RCPT parameter " + keyword);
    }
}
