package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 3501 §6.2.2 with PLAIN (RFC 4616) and an optional initial response (SASL-IR, RFC 4959).
 * A {@code *} response cancels (BAD).
 */
@ApplicationScoped
public class AuthenticateHandler implements CommandHandler<ImapCommand.Authenticate> {

    private final Logins logins;

    public AuthenticateHandler(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Class<ImapCommand.Authenticate> type() {
        return ImapCommand.Authenticate.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Authenticate command, SessionContext session) {
        if (!command.mechanism().equals("PLAIN")) {
            return Future.succeededFuture(Tagged.no("CANNOT", "unsupported mechanism; use PLAIN"));
        }
        if (!session.loginAllowed()) {
            return Future.succeededFuture(Tagged.no("PRIVACYREQUIRED", "AUTHENTICATE needs TLS first (STARTTLS)"));
        }
        Future<String> response = command.initialResponse() != null ? Future.succeededFuture(command.initialResponse())
                : session.continuation("");
        return response.compose(text -> plain(text, session));
    }

    private Future<Tagged> plain(String text, SessionContext session) {
        if (text.equals("*")) {
            return Future.succeededFuture(Tagged.bad("AUTHENTICATE cancelled"));
        }
        byte[] decoded;
        try {
            decoded = text.equals("=") ? new byte[0] : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Tagged.bad("invalid base64"));
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Future.succeededFuture(Tagged.bad("malformed PLAIN response"));
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Future.succeededFuture(Tagged.no("AUTHORIZATIONFAILED", "acting as another user is not allowed"));
        }
        return logins.login(session, parts[1], parts[2], "AUTHENTICATE");
    }
}
