package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpReply;

/**
 * The replies the ingress sends, named code first (RFC 5321 §4.2.2 codes, RFC 3463 enhanced
 * status). Handlers pick one and at most change its text; only the encoder writes them.
 */
public final class Replies {

    public static final SmtpReply C250_OK = SmtpReply.of(250, "2.0.0", "Ok");
    public static final SmtpReply C250_SENDER_OK = SmtpReply.of(250, "2.1.0", "Sender ok");
    public static final SmtpReply C250_RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Recipient ok");
    public static final SmtpReply C250_RESET = SmtpReply.of(250, "2.0.0", "Reset");
    public static final SmtpReply C221_BYE = SmtpReply.of(221, "2.0.0", "Bye");
    public static final SmtpReply C220_READY_FOR_TLS = SmtpReply.of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply C235_AUTHENTICATED = SmtpReply.of(235, "2.7.0", "Authentication successful");
    public static final SmtpReply C252_CANNOT_VRFY = SmtpReply.of(252, "2.5.0",
            "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply C334_EMPTY = SmtpReply.of(334, null, "");
    public static final SmtpReply C334_USERNAME = SmtpReply.of(334, null, "VXNlcm5hbWU6"); // base64 "Username:"
    public static final SmtpReply C334_PASSWORD = SmtpReply.of(334, null, "UGFzc3dvcmQ6"); // base64 "Password:"
    public static final SmtpReply C354_START_DATA = SmtpReply.of(354, null, "End data with <CR><LF>.<CR><LF>");

    public static final SmtpReply C421_SHUTTING_DOWN = SmtpReply.of(421, "4.3.2", "Service shutting down, try again later");
    public static final SmtpReply C421_TOO_MANY_CONNECTIONS = SmtpReply.of(421, "4.7.0", "Too many connections, try again later");
    public static final SmtpReply C421_TIMEOUT = SmtpReply.of(421, "4.4.2", "Timeout, closing connection");
    public static final SmtpReply C421_TOO_MANY_AUTH_FAILURES = SmtpReply.of(421, "4.7.0", "Too many authentication failures");
    public static final SmtpReply C451_LOCAL_ERROR = SmtpReply.of(451, "4.3.0", "Local error in processing, try again later");
    public static final SmtpReply C451_DIRECTORY_NOT_LOADED = SmtpReply.of(451, "4.3.0", "Directory not available yet, try again later");
    public static final SmtpReply C452_TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Too many recipients");
    public static final SmtpReply C454_TLS_UNAVAILABLE = SmtpReply.of(454, "4.7.0", "TLS not available");
    public static final SmtpReply C454_AUTH_UNAVAILABLE = SmtpReply.of(454, "4.7.0", "Temporary authentication failure");

    public static final SmtpReply C500_LINE_TOO_LONG = SmtpReply.of(500, "5.5.6", "Line too long");
    public static final SmtpReply C500_INVALID_UTF8 = SmtpReply.of(500, "5.5.2", "Invalid UTF-8 in command line");
    public static final SmtpReply C501_AUTH_CANCELLED = SmtpReply.of(501, "5.7.0", "Authentication cancelled");
    public static final SmtpReply C501_BAD_BASE64 = SmtpReply.of(501, "5.5.2", "Cannot decode response");
    public static final SmtpReply C502_EXPN_DISABLED = SmtpReply.of(502, "5.5.1", "EXPN not available");
    public static final SmtpReply C503_BAD_SEQUENCE = SmtpReply.of(503, "5.5.1", "Bad sequence of commands");
    public static final SmtpReply C504_UNKNOWN_MECHANISM = SmtpReply.of(504, "5.5.4", "Unrecognized authentication type");
    public static final SmtpReply C530_AUTH_REQUIRED = SmtpReply.of(530, "5.7.0", "Authentication required");
    public static final SmtpReply C535_BAD_CREDENTIALS = SmtpReply.of(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply C538_ENCRYPTION_REQUIRED = SmtpReply.of(538, "5.7.11",
            "Encryption required for requested authentication mechanism");
    public static final SmtpReply C550_NO_SUCH_USER = SmtpReply.of(550, "5.1.1", "No such user here");
    public static final SmtpReply C550_RELAY_DENIED = SmtpReply.of(550, "5.7.1", "Relaying denied");
    public static final SmtpReply C550_BARE_LINE_BREAK = SmtpReply.of(550, "5.5.2",
            "Bare CR or LF in message data not allowed (RFC 5321 section 2.3.8)");
    public static final SmtpReply C550_LINE_TOO_LONG = SmtpReply.of(550, "5.5.6",
            "Message line longer than 998 octets (RFC 5321 section 4.5.3.1.6)");
    public static final SmtpReply C552_TOO_LARGE = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static final SmtpReply C553_SENDER_NOT_OWNED = SmtpReply.of(553, "5.7.1", "Sender address not owned by authenticated user");
    public static final SmtpReply C555_UNKNOWN_PARAMETER = SmtpReply.of(555, "5.5.4", "Unsupported parameter");

    private Replies() {
    }
}
