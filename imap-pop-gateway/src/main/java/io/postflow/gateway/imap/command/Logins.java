package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.server.ImapConnectionLimits;
import io.postflow.gateway.imap.session.ImapState;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.limits.ConnectionLimits;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** The password check shared by LOGIN and AUTHENTICATE PLAIN. */
@ApplicationScoped
public class Logins {

    private final MailboxClient mailbox;
    private final ConnectionLimits limits;

    public Logins(MailboxClient mailbox, ImapConnectionLimits limits) {
        this.mailbox = mailbox;
        this.limits = limits.limits();
    }

    public Future<Tagged> login(SessionContext session, String user, String password, String command) {
        return mailbox.verify(user, password, session.connection().clientAddress())
                .map(account -> {
                    if (!limits.claimUser(account)) {
                        return Tagged.no("LIMIT", "too many connections for this user");
                    }
                    session.onClose(() -> limits.releaseUser(account));
                    session.state(new ImapState.Authenticated(account));
                    return Tagged.ok("CAPABILITY " + session.capabilities(), command + " completed");
                })
                .recover(e -> Future.succeededFuture(e instanceof MailboxApiException api ? reply(api)
                        : Tagged.no("UNAVAILABLE", "authentication temporarily unavailable")));
    }

    private static Tagged reply(MailboxApiException e) {
        return switch (e.error()) {
            case "authentication_failed", "invalid_request" -> Tagged.no("AUTHENTICATIONFAILED", "authentication failed");
            case "throttled" -> Tagged.no("UNAVAILABLE", "too many failed attempts, try again later");
            default -> Tagged.no("UNAVAILABLE", "authentication temporarily unavailable");
        };
    }
}
