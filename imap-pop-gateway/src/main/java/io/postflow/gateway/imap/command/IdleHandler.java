package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * IDLE (RFC 2177): the session pushes EXISTS, EXPUNGE and FETCH FLAGS of the selected mailbox as
 * mailbox.events hints come in, until the client's DONE. Any other line ends IDLE with BAD (§3:
 * the only thing a client may send is DONE). In the authenticated state there is nothing to push,
 * but IDLE is valid there too. The autologout timer keeps running: a client must re-issue IDLE
 * within it (§3, 29 minutes for the default 30).
 */
@ApplicationScoped
public class IdleHandler implements CommandHandler<ImapCommand.Idle> {

    @Override
    public Class<ImapCommand.Idle> type() {
        return ImapCommand.Idle.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Idle command, SessionContext session) {
        return session.idle().map(line -> line.equalsIgnoreCase("DONE") ? Tagged.ok("IDLE terminated")
                : Tagged.bad("expected DONE to end IDLE"));
    }
}
