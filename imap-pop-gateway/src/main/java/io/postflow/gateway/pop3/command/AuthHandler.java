package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.protocol.ResponseCode;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * RFC 5034 AUTH with PLAIN (RFC 4616), with or without an initial response ({@code =} is an empty
 * one); {@code *} cancels. {@code AUTH} alone lists the mechanisms, as clients probing in the
 * RFC 1734 way expect.
 */
@ApplicationScoped
public class AuthHandler implements Pop3Handler<Pop3Command.Auth> {

    private final Logins logins;

    public AuthHandler(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Class<Pop3Command.Auth> type() {
        return Pop3Command.Auth.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Auth command, Pop3Context session) {
        if (command.mechanism() == null) {
            return Future.succeededFuture(Pop3Reply.multiline("mechanisms follow",
                    session.loginAllowed() ? List.of("PLAIN") : List.of()));
        }
        if (!command.mechanism().equals("PLAIN")) {
            return Future.succeededFuture(Pop3Reply.err("unsupported mechanism; use PLAIN"));
        }
        if (!session.loginAllowed()) {
            return Future.succeededFuture(Pop3Reply.err(ResponseCode.AUTH, "plain-text authentication needs TLS first (STLS)"));
        }
        Future<String> response = command.initialResponse() != null ? Future.succeededFuture(command.initialResponse())
                : session.continuation("");
        return response.compose(text -> plain(text, session));
    }

    private Future<Pop3Reply> plain(String text, Pop3Context session) {
        if (text.equals("*")) {
            return Future.succeededFuture(Pop3Reply.err("AUTH cancelled")); // RFC 5034 §4
        }
        byte[] decoded;
        try {
            decoded = text.equals("=") ? new byte[0] : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(Pop3Reply.err("invalid base64"));
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Future.succeededFuture(Pop3Reply.err("malformed PLAIN response"));
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Future.succeededFuture(Pop3Reply.err(ResponseCode.AUTH, "acting as another user is not allowed"));
        }
        return logins.login(session, parts[1], parts[2]);
    }
}
