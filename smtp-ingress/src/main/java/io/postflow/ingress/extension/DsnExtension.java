package io.postflow.ingress.extension;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.XText;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpRejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3461 delivery status notifications: RET and ENVID on MAIL, NOTIFY and ORCPT on RCPT. The
 * values travel in the envelope so relay-worker can honour them.
 */
@ApplicationScoped
public class DsnExtension implements EsmtpExtension {

    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    static final int MAX_ENVID = 100;
    /** RFC 3461 §4.2: ORCPT is at most 500 characters. */
    static final int MAX_ORCPT = 500;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<String> ehloKeyword(SessionContext session) {
        return Optional.of("DSN");
    }

    @Override
    public Set<String> mailParameters() {
        return Set.of("RET", "ENVID");
    }

    @Override
    public Set<String> rcptParameters() {
        return Set.of("NOTIFY", "ORCPT");
    }

    @Override
    public void applyMailParameter(String keyword, String value, MailParametersBuilder into, SessionContext session) {
        if (keyword.equals("RET")) {
            String ret = value == null ? "" : value.toUpperCase(Locale.ROOT);
            if (!ret.equals(MailParameters.RET_FULL) && !ret.equals(MailParameters.RET_HDRS)) {
                throw invalid("RET must be FULL or HDRS");
            }
            into.ret(ret);
        } else {
            if (value == null || value.length() > MAX_ENVID) {
                throw invalid("ENVID needs an xtext value of at most 100 characters");
            }
            into.envId(xtext(value, "ENVID"));
        }
    }

    @Override
    public void applyRcptParameter(String keyword, String value, RecipientBuilder into) {
        if (value == null) {
            throw invalid(keyword + " needs a value");
        }
        if (keyword.equals("NOTIFY")) {
            into.notifyOn(notify(value));
        } else {
            // RFC 3461 §4.2: ORCPT=addr-type;xtext
            int semicolon = value.indexOf(';');
            if (semicolon <= 0 || value.length() > MAX_ORCPT) {
                throw invalid("ORCPT must be addr-type;xtext");
            }
            into.orcpt(value.substring(0, semicolon) + ";" + xtext(value.substring(semicolon + 1), "ORCPT"));
        }
    }

    // RFC 3461 §4.1: NEVER alone, or a comma list of SUCCESS, FAILURE, DELAY.
    private static Set<Notify> notify(String value) {
        Set<Notify> values = EnumSet.noneOf(Notify.class);
        for (String item : value.toUpperCase(Locale.ROOT).split(",", -1)) {
            try {
                values.add(Notify.valueOf(item));
            } catch (IllegalArgumentException unknown) {
                throw invalid("NOTIFY values are NEVER or SUCCESS, FAILURE, DELAY");
            }
        }
        if (values.contains(Notify.NEVER) && values.size() > 1) {
            throw invalid("NOTIFY=NEVER cannot be combined with other values");
        }
        return values;
    }

    private static String xtext(String value, String keyword) {
        try {
            return XText.decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid(keyword + " is not valid xtext");
        }
    }

    private static SmtpRejection invalid(String text) {
        return new SmtpRejection(SmtpReply.of(501, "5.5.4", text));
    }
}
