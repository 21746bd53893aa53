package io.postflow.ingress.extension;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All extensions of this server, in EHLO order, with their parameters indexed. A parameter no
 * extension owns is refused with 555 5.5.4 (RFC 5321 §4.1.1.11 / §4.2.3).
 */
public final class EsmtpExtensions {

    private final List<EsmtpExtension> extensions;
    private final Map<String, EsmtpExtension> mailParameters = new HashMap<>();
    private final Map<String, EsmtpExtension> rcptParameters = new HashMap<>();

    public EsmtpExtensions(List<EsmtpExtension> extensions) {
        this.extensions = extensions.stream().sorted(Comparator.comparingInt(EsmtpExtension::order)).toList();
        for (EsmtpExtension extension : this.extensions) {
            extension.mailParameters().forEach(k -> register(mailParameters, k, extension));
            extension.rcptParameters().forEach(k -> register(rcptParameters, k, extension));
        }
    }

    private static void register(Map<String, EsmtpExtension> index, String keyword, EsmtpExtension extension) {
        EsmtpExtension previous = index.put(keyword, extension);
        if (previous != null) {
            throw new IllegalStateException("parameter " + keyword + " claimed by " + previous + " and " + extension);
        }
    }

    /** The EHLO keyword lines offered to this session. */
    public List<String> ehloKeywords(SessionContext session) {
        return extensions.stream().map(e -> e.ehloKeyword(session)).flatMap(Optional::stream).toList();
    }

    public MailParameters mailParameters(Map<String, String> parameters, SessionContext session) {
        MailParametersBuilder builder = new MailParametersBuilder();
        parameters.forEach((keyword, value) -> owner(mailParameters, keyword).applyMailParameter(keyword, value, builder, session));
        return builder.build();
    }

    public Recipient recipient(String address, Map<String, String> parameters) {
        RecipientBuilder builder = new RecipientBuilder(address);
        parameters.forEach((keyword, value) -> owner(rcptParameters, keyword).applyRcptParameter(keyword, value, builder));
        return builder.build();
    }

    private static EsmtpExtension owner(Map<String, EsmtpExtension> index, String keyword) {
        EsmtpExtension owner = index.get(keyword);
        if (owner == null) {
            throw new SmtpRejection(Replies.C555_UNKNOWN_PARAMETER.withText("Unsupported parameter " + keyword));
        }
        return owner;
    }
}
