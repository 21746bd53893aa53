package io.postflow.gateway.imap.session;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.vertx.core.Future;

/**
 * Executes one command: writes its untagged data through the session and answers the tagged
 * completion (or fails with {@link ImapRejection}). Runs on the connection's event loop.
 */
public interface CommandHandler<C extends ImapCommand> {

    Class<C> type();

    Future<Tagged> handle(C command, SessionContext session);
}
