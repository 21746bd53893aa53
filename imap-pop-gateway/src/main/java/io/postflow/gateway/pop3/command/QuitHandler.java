package io.postflow.gateway.pop3.command;

import io.postflow.gateway.mailbox.MaildropClient;
import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.protocol.ResponseCode;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.postflow.gateway.pop3.session.Pop3State;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * RFC 1939 §6 QUIT. In AUTHORIZATION it only closes. In TRANSACTION the session enters UPDATE:
 * the marked messages are removed and the lease released in one call, atomically; if that fails
 * nothing is removed and the answer is {@code -ERR} (§6: "some deleted messages not removed").
 * The connection closes either way.
 */
@ApplicationScoped
public class QuitHandler implements Pop3Handler<Pop3Command.Quit> {

    private static final Logger LOG = Logger.getLogger(QuitHandler.class);

    private final MaildropClient maildrops;

    public QuitHandler(MaildropClient maildrops) {
        this.maildrops = maildrops;
    }

    @Override
    public Class<Pop3Command.Quit> type() {
        return Pop3Command.Quit.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Quit command, Pop3Context session) {
        Pop3State state = session.state();
        session.afterReply(() -> {
            session.connection().close();
            return Future.succeededFuture();
        });
        if (!(state instanceof Pop3State.Transaction transaction)) {
            session.state(new Pop3State.Closed());
            return Future.succeededFuture(Pop3Reply.ok("Postflow POP3 server signing off"));
        }
        MaildropView drop = transaction.maildrop();
        List<Long> uids = drop.deletedUids();
        session.state(new Pop3State.Closed());
        session.updating();
        return maildrops.quit(transaction.account(), drop.lease(), drop.mailboxId(), uids)
                .map(removed -> {
                    session.leaseReleased();
                    session.metrics().deleted(removed.size());
                    LOG.infof("POP3 %s: %s quit, %d messages deleted", session.id(), transaction.account(), removed.size());
                    return Pop3Reply.ok("Postflow POP3 server signing off (" + drop.count() + " messages left)");
                })
                .recover(e -> {
                    LOG.warnf("POP3 %s: UPDATE of %s failed, nothing deleted: %s", session.id(), transaction.account(), e.toString());
                    return Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_TEMP, "some deleted messages not removed"));
                });
    }
}
