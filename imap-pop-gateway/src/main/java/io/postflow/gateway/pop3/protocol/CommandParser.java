package io.postflow.gateway.pop3.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes one command line (CRLF already removed) into a {@link Pop3Command}. RFC 1939 §3:
 * a case-insensitive keyword of three or four characters, arguments separated by single spaces,
 * each up to 40 characters (RFC 2449 §4 relaxes this for SASL responses, hence AUTH's).
 * Pure: no I/O, no state.
 */
public final class CommandParser {

    /** RFC 1939 §3. */
    static final int MAX_ARGUMENT = 40;

    private CommandParser() {
    }

    public static Pop3Command parse(byte[] line) throws Pop3ParseException {
        for (byte b : line) {
            // A bare CR or LF (the reader ends lines only at CRLF) or a NUL never belongs in a command.
            if (b == '\r' || b == '\n' || b == 0) {
                throw new Pop3ParseException("invalid character in command");
            }
        }
        String text = new String(line, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? null : text.substring(space + 1);
        return switch (keyword) {
            case "USER" -> new Pop3Command.User(oneArgument(rest, "USER needs a name"));
            case "PASS" -> {
                if (rest == null || rest.isEmpty()) {
                    throw new Pop3ParseException("PASS needs a password");
                }
                yield new Pop3Command.Pass(rest);
            }
            case "AUTH" -> auth(rest);
            case "APOP" -> {
                String[] args = arguments(rest, 2, 2, "APOP needs a name and a digest");
                yield new Pop3Command.Apop(args[0], args[1]);
            }
            case "STLS" -> noArguments(rest, new Pop3Command.Stls());
            case "CAPA" -> noArguments(rest, new Pop3Command.Capa());
            case "STAT" -> noArguments(rest, new Pop3Command.Stat());
            case "NOOP" -> noArguments(rest, new Pop3Command.Noop());
            case "RSET" -> noArguments(rest, new Pop3Command.Rset());
            case "QUIT" -> noArguments(rest, new Pop3Command.Quit());
            case "LIST" -> new Pop3Command.List(optionalNumber(rest));
            case "UIDL" -> new Pop3Command.Uidl(optionalNumber(rest));
            case "RETR" -> new Pop3Command.Retr(number(oneArgument(rest, "RETR needs a message number")));
            case "DELE" -> new Pop3Command.Dele(number(oneArgument(rest, "DELE needs a message number")));
            case "TOP" -> {
                String[] args = arguments(rest, 2, 2, "TOP needs a message number and a line count");
                yield new Pop3Command.Top(number(args[0]), count(args[1]));
            }
            default -> throw new Pop3ParseException("unknown command");
        };
    }

    private static Pop3Command auth(String rest) throws Pop3ParseException {
        if (rest == null) {
            return new Pop3Command.Auth(null, null);
        }
        String[] args = rest.split(" ", -1);
        if (args.length > 2 || args[0].isEmpty() || args.length == 2 && args[1].isEmpty()) {
            throw new Pop3ParseException("AUTH takes a mechanism and an optional initial response");
        }
        return new Pop3Command.Auth(args[0].toUpperCase(Locale.ROOT), args.length == 2 ? args[1] : null);
    }

    private static Pop3Command noArguments(String rest, Pop3Command command) throws Pop3ParseException {
        if (rest != null) {
            throw new Pop3ParseException(command.keyword() + " takes no arguments");
        }
        return command;
    }

    private static String oneArgument(String rest, String missing) throws Pop3ParseException {
        return arguments(rest, 1, 1, missing)[0];
    }

    private static String[] arguments(String rest, int min, int max, String message) throws Pop3ParseException {
        if (rest == null) {
            throw new Pop3ParseException(message);
        }
        String[] args = rest.split(" ", -1);
        if (args.length < min || args.length > max) {
            throw new Pop3ParseException(message);
        }
        for (String arg : args) {
            if (arg.isEmpty() || arg.length() > MAX_ARGUMENT) {
                throw new Pop3ParseException(message);
            }
        }
        return args;
    }

    private static Integer optionalNumber(String rest) throws Pop3ParseException {
        return rest == null ? null : number(oneArgument(rest, "one message number expected"));
    }

    /** A message number: 1 or more, decimal digits only. */
    private static int number(String arg) throws Pop3ParseException {
        int value = count(arg);
        if (value < 1) {
            throw new Pop3ParseException("invalid message number");
        }
        return value;
    }

    private static int count(String arg) throws Pop3ParseException {
        if (arg.isEmpty() || arg.length() > 10) {
            throw new Pop3ParseException("invalid number " + printable(arg));
        }
        long value = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c < '0' || c > '9') {
                throw new Pop3ParseException("invalid number " + printable(arg));
            }
            value = value * 10 + (c - '0');
        }
        if (value > Integer.MAX_VALUE) {
            throw new Pop3ParseException("number too large");
        }
        return (int) value;
    }

    private static String printable(String arg) {
        return arg.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
