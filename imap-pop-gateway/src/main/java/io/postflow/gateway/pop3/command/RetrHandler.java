package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §5 RETR: the whole message, trace prefix included, exactly as stored, dot-stuffed. */
@ApplicationScoped
public class RetrHandler implements Pop3Handler<Pop3Command.Retr> {

    private final ContentStreamer streamer;

    public RetrHandler(ContentStreamer streamer) {
        this.streamer = streamer;
    }

    @Override
    public Class<Pop3Command.Retr> type() {
        return Pop3Command.Retr.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Retr command, Pop3Context session) {
        int n = command.message();
        String status = Transactions.maildrop(session).exists(n) ? Transactions.maildrop(session).octets(n) + " octets" : "";
        return streamer.whole(session, n, status);
    }
}
