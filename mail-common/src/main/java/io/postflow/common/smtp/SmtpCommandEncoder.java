package io.postflow.common.smtp;

import java.util.Map;

/**
 * Writes commands on the client side (relay-worker). Every value is checked: a CR, LF or NUL in a
 * domain, parameter or argument would let one command smuggle another, so it is refused.
 */
public final class SmtpCommandEncoder {

    private SmtpCommandEncoder() {
    }

    public static String encode(SmtpCommand command) {
        String line = line(command);
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\r' || ch == '\n' || ch == 0) {
                throw new IllegalArgumentException("CR, LF or NUL in an SMTP command value");
            }
        }
        return line + "\r\n";
    }

    // Java 17 has no pattern switch; SmtpCommand is sealed, so this chain is complete.
    private static String line(SmtpCommand command) {
        if (command instanceof SmtpCommand.Ehlo c) {
            return "EHLO " + c.domain();
        } else if (command instanceof SmtpCommand.Helo c) {
            return "HELO " + c.domain();
        } else if (command instanceof SmtpCommand.Mail c) {
            return "MAIL FROM:" + c.from().path() + parameters(c.parameters());
        } else if (command instanceof SmtpCommand.Rcpt c) {
            return "RCPT TO:" + c.to().path() + parameters(c.parameters());
        } else if (command instanceof SmtpCommand.Data) {
            return "DATA";
        } else if (command instanceof SmtpCommand.Bdat c) {
            return "BDAT " + c.size() + (c.last() ? " LAST" : "");
        } else if (command instanceof SmtpCommand.Rset) {
            return "RSET";
        } else if (command instanceof SmtpCommand.Noop) {
            return "NOOP";
        } else if (command instanceof SmtpCommand.Quit) {
            return "QUIT";
        } else if (command instanceof SmtpCommand.Vrfy c) {
            return "VRFY " + c.argument();
        } else if (command instanceof SmtpCommand.Expn c) {
            return "EXPN " + c.argument();
        } else if (command instanceof SmtpCommand.Help c) {
            return c.topic() == null ? "HELP" : "HELP " + c.topic();
        } else if (command instanceof SmtpCommand.StartTls) {
            return "STARTTLS";
        } else if (command instanceof SmtpCommand.Auth c) {
            String initial = c.initialResponse() == null ? "" : " " + (c.initialResponse().isEmpty() ? "=" : c.initialResponse());
            return "AUTH " + c.mechanism() + initial;
        }
        throw new IllegalStateException("unknown command type " + command.getClass());
    }

    private static String parameters(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((keyword, value) -> {
            out.append(' ').append(keyword);
            if (value != null) {
                out.append('=').append(value);
            }
        });
        return out.toString();
    }
}
