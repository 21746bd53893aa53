package io.postflow.common.smtp;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailPath;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes one SMTP command line (without its CRLF) into an {@link SmtpCommand}, or throws
 * {@link SmtpSyntaxException} carrying the precise reply (RFC 5321 §4.2.2 codes, RFC 3463 status):
 * 500 5.5.1 unknown command, 501 5.5.4 bad arguments, 501 5.1.7 / 5.1.3 bad sender / recipient
 * address, 500 5.5.2 bare CR or LF or NUL in the line.
 */
public final class SmtpCommandParser {

    private SmtpCommandParser() {
    }

    /**
     * @param line      the command line, decoded from UTF-8
     * @param allowUtf8 whether addresses may hold UTF-8 (RFC 6531: the transaction's MAIL had
     *                  SMTPUTF8; MAIL itself decides from its own parameters)
     */
    public static SmtpCommand parse(String line, boolean allowUtf8) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                // RFC 5321 §2.3.8: only CRLF ends a line; a bare CR/LF is never taken as one.
                throw SmtpSyntaxException.of(500, "5.5.2", "bare CR, LF or NUL in command line");
            }
        }
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1);
        return switch (verb) {
            case "EHLO" -> new SmtpCommand.Ehlo(domainArgument(argument, "EHLO"));
            case "HELO" -> new SmtpCommand.Helo(domainArgument(argument, "HELO"));
            case "MAIL" -> mail(argument, space < 0);
            case "RCPT" -> rcpt(argument, space < 0, allowUtf8);
            case "DATA" -> noArgument(argument, space, new SmtpCommand.Data());
            case "BDAT" -> bdat(argument);
            case "RSET" -> noArgument(argument, space, new SmtpCommand.Rset());
            case "NOOP" -> new SmtpCommand.Noop(); // RFC 5321 §4.1.1.9: an argument is ignored
            case "QUIT" -> noArgument(argument, space, new SmtpCommand.Quit());
            case "VRFY" -> new SmtpCommand.Vrfy(required(argument, "VRFY"));
            case "EXPN" -> new SmtpCommand.Expn(required(argument, "EXPN"));
            case "HELP" -> new SmtpCommand.Help(argument.isBlank() ? null : argument.strip());
            case "STARTTLS" -> noArgument(argument, space, new SmtpCommand.StartTls());
            case "AUTH" -> auth(argument);
            default -> throw SmtpSyntaxException.of(500, "5.5.1", "command not recognized");
        };
    }

    private static String domainArgument(String argument, String verb) {
        String domain = argument.strip();
        if (domain.isEmpty()) {
            throw SmtpSyntaxException.of(501, "5.5.4", verb + " needs a domain or address literal");
        }
        if (domain.indexOf(' ') >= 0) {
            throw SmtpSyntaxException.of(501, "5.5.4", "invalid " + verb + " argument");
        }
        return domain;
    }

    private static SmtpCommand mail(String argument, boolean bare) {
        String path = pathAfter(argument, bare, "FROM:", "MAIL FROM:<address>");
        int end = MailPath.endOfPath(path, 0);
        if (end < 0) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: MAIL FROM:<address> [parameters]");
        }
        Map<String, String> parameters = parameters(path.substring(end));
        // RFC 6531 §3.4: the SMTPUTF8 parameter of this very command allows UTF-8 in its path.
        boolean utf8 = parameters.containsKey("SMTPUTF8");
        try {
            return new SmtpCommand.Mail(MailPath.parseReversePath(path.substring(0, end), utf8), parameters);
        } catch (AddressException e) {
            throw SmtpSyntaxException.of(501, "5.1.7", "bad sender address syntax: " + e.reason());
        }
    }

    private static SmtpCommand rcpt(String argument, boolean bare, boolean allowUtf8) {
        String path = pathAfter(argument, bare, "TO:", "RCPT TO:<address>");
        int end = MailPath.endOfPath(path, 0);
        if (end < 0) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: RCPT TO:<address> [parameters]");
        }
        Map<String, String> parameters = parameters(path.substring(end));
        try {
            return new SmtpCommand.Rcpt(MailPath.parseForwardPath(path.substring(0, end), allowUtf8), parameters);
        } catch (AddressException e) {
            throw SmtpSyntaxException.of(501, "5.1.3", "bad recipient address syntax: " + e.reason());
        }
    }

    /** The text after {@code FROM:} / {@code TO:}, tolerating one space after the colon as most MTAs do. */
    private static String pathAfter(String argument, boolean bare, String keyword, String syntax) {
        if (bare || argument.length() < keyword.length()
                || !argument.substring(0, keyword.length()).equalsIgnoreCase(keyword)) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: " + syntax);
        }
        String rest = argument.substring(keyword.length());
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    private static Map<String, String> parameters(String rest) {
        if (rest.isEmpty()) {
            return Map.of();
        }
        if (rest.charAt(0) != ' ') {
            throw SmtpSyntaxException.of(501, "5.5.4", "a space must separate the path from its parameters");
        }
        return EsmtpParameters.parse(rest.substring(1));
    }

    private static SmtpCommand bdat(String argument) {
        String[] parts = argument.strip().split(" +");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty() || !parts[0].chars().allMatch(Character::isDigit)
                || parts[0].length() > 18) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: BDAT chunk-size [LAST]");
        }
        boolean last = parts.length == 2;
        if (last && !parts[1].equalsIgnoreCase("LAST")) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: BDAT chunk-size [LAST]");
        }
        return new SmtpCommand.Bdat(Long.parseLong(parts[0]), last);
    }

    private static SmtpCommand auth(String argument) {
        String[] parts = argument.strip().split(" +");
        if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
            throw SmtpSyntaxException.of(501, "5.5.4", "syntax: AUTH mechanism [initial-response]");
        }
        String initial = parts.length == 2 ? (parts[1].equals("=") ? "" : parts[1]) : null;
        return new SmtpCommand.Auth(parts[0].toUpperCase(Locale.ROOT), initial);
    }

    private static String required(String argument, String verb) {
        if (argument.isBlank()) {
            throw SmtpSyntaxException.of(501, "5.5.4", verb + " needs an argument");
        }
        return argument.strip();
    }

    private static SmtpCommand noArgument(String argument, int space, SmtpCommand command) {
        if (space >= 0 && !argument.isBlank()) {
            throw SmtpSyntaxException.of(501, "5.5.4", "no parameters allowed");
        }
        return command;
    }
}
