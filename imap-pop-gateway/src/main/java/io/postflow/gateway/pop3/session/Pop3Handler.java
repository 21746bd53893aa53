package io.postflow.gateway.pop3.session;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.vertx.core.Future;

/** Runs one kind of command; one implementation per command. */
public interface Pop3Handler<C extends Pop3Command> {

    Class<C> type();

    /**
     * The reply to write, or {@link Pop3Session#WRITTEN} when the handler wrote its answer itself
     * (RETR and TOP stream theirs).
     */
    Future<Pop3Reply> handle(C command, Pop3Context session);
}
