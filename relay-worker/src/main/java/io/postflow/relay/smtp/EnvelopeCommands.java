package io.postflow.relay.smtp;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.ForwardPath;
import io.postflow.common.address.MailPath;
import io.postflow.common.address.ReversePath;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpCommandEncoder;
import io.postflow.common.smtp.XText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the MAIL and RCPT command lines for one message and one server: only parameters of
 * extensions the server announced, values re-encoded (xtext for ENVID/ORCPT, RFC 3461 §4), and
 * the mail-common encoder refusing any CR/LF/NUL that would smuggle a second command.
 */
final class EnvelopeCommands {

    private EnvelopeCommands() {
    }

    /** {@code MAIL FROM:<...> ...CRLF}; IllegalArgumentException when the sender is not a valid path. */
    static String mail(String mailFrom, MailParameters parameters, MessageTraits traits, Capabilities server) {
        ReversePath from;
        try {
            from = mailFrom.isEmpty() ? ReversePath.NULL : MailPath.parseReversePath("<" + mailFrom + ">", traits.smtpUtf8());
        } catch (AddressException e) {
            throw new IllegalArgumentException("sender address " + mailFrom + " is not valid: " + e.reason());
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (server.size()) {
            out.put("SIZE", Long.toString(traits.size())); // RFC 1870 §6
        }
        if (traits.binary()) {
            out.put("BODY", MailParameters.BODY_BINARYMIME);
        } else if (traits.eightBit()) {
            out.put("BODY", MailParameters.BODY_8BITMIME);
        }
        if (traits.smtpUtf8()) {
            out.put("SMTPUTF8", null);
        }
        if (server.dsn()) {
            if (parameters.ret() != null) {
                out.put("RET", parameters.ret());
            }
            if (parameters.envId() != null) {
                out.put("ENVID", XText.encode(parameters.envId()));
            }
        }
        return SmtpCommandEncoder.encode(new SmtpCommand.Mail(from, out));
    }

    /** {@code RCPT TO:<...> ...CRLF}; IllegalArgumentException when the address is not a valid path. */
    static String rcpt(Recipient recipient, MessageTraits traits, Capabilities server) {
        ForwardPath to;
        try {
            to = MailPath.parseForwardPath("<" + recipient.address() + ">", traits.smtpUtf8());
        } catch (AddressException e) {
            throw new IllegalArgumentException("recipient address " + recipient.address() + " is not valid: " + e.reason());
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (server.dsn()) {
            if (!recipient.notifyOn().isEmpty()) {
                out.put("NOTIFY", recipient.notifyOn().stream().map(Notify::name).collect(Collectors.joining(",")));
            }
            String orcpt = recipient.orcpt();
            int semicolon = orcpt == null ? -1 : orcpt.indexOf(';');
            if (semicolon > 0) {
                out.put("ORCPT", orcpt.substring(0, semicolon) + ";" + XText.encode(orcpt.substring(semicolon + 1)));
            }
        }
        return SmtpCommandEncoder.encode(new SmtpCommand.Rcpt(to, out));
    }
}
