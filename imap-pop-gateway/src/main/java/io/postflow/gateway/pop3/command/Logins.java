package io.postflow.gateway.pop3.command;

import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.MaildropClient;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.protocol.ResponseCode;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3State;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import org.jboss.logging.Logger;

/**
 * The login shared by PASS and AUTH PLAIN: password check, then the maildrop lock with the
 * listing in one call (RFC 1939 §8: the lock is taken on entering TRANSACTION). A failed check is
 * answered after a delay growing with the connection's failures, and the connection closes after
 * {@code max-auth-failures}; mailbox-service throttles per account and client besides.
 */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class);

    private final MailboxClient mailbox;
    private final MaildropClient maildrops;
    private final String instance;

    public Logins(MailboxClient mailbox, MaildropClient maildrops) {
        this.mailbox = mailbox;
        this.maildrops = maildrops;
        this.instance = hostName();
    }

    public Future<Pop3Reply> login(Pop3Context session, String user, String password) {
        if (!session.claimUser(user)) {
            session.state(new Pop3State.Authorization(null));
            return Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_TEMP, "too many connections for this user"));
        }
        String client = session.connection().clientAddress();
        return mailbox.verify(user, password, client)
                .compose(account -> maildrops.open(account, instance + "/" + session.id() + " " + client, session.settings().leaseTtl())
                        .map(drop -> {
                            MaildropView view = new MaildropView(drop);
                            session.state(new Pop3State.Transaction(account, view));
                            session.holdLease(account, view);
                            LOG.infof("POP3 %s: %s logged in from %s, %d messages", session.id(), account, client, view.count());
                            return Pop3Reply.ok("maildrop has " + view.count() + " messages (" + view.octets() + " octets)");
                        }))
                .recover(e -> refused(session, e));
    }

    private Future<Pop3Reply> refused(Pop3Context session, Throwable e) {
        session.state(new Pop3State.Authorization(null));
        session.releaseUser();
        String error = e instanceof MailboxApiException api ? api.error() : "unavailable";
        return switch (error) {
            case "authentication_failed", "invalid_request", "throttled" -> failed(session, error.equals("throttled")
                    ? Pop3Reply.err(ResponseCode.SYS_TEMP, "too many failed attempts, try again later")
                    : Pop3Reply.err(ResponseCode.AUTH, "authentication failed"));
            // RFC 2449 §8.1.2; RFC 1939 §7 PASS: "-ERR unable to lock maildrop", back to AUTHORIZATION.
            case "in_use" -> Future.succeededFuture(Pop3Reply.err(ResponseCode.IN_USE, "maildrop is locked by another session"));
            case "nonexistent" -> Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_PERM, "no maildrop for this account"));
            default -> {
                LOG.warnf("POP3 %s: login failed: %s", session.id(), e.toString());
                yield Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_TEMP, "authentication temporarily unavailable"));
            }
        };
    }

    private static Future<Pop3Reply> failed(Pop3Context session, Pop3Reply reply) {
        int failures = session.authFailed();
        if (failures >= session.settings().maxAuthFailures()) {
            session.afterReply(() -> {
                session.connection().close();
                return Future.succeededFuture();
            });
            session.state(new Pop3State.Closed());
        }
        Promise<Pop3Reply> delayed = Promise.promise();
        session.connection().schedule(session.settings().authFailureDelay().toMillis() * failures, () -> delayed.complete(reply));
        return delayed.future();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "gateway";
        }
    }
}
