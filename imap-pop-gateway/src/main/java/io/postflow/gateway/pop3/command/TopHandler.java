package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** RFC 1939 §7 TOP: the header, the blank line and the first n lines of the body. */
@ApplicationScoped
public class TopHandler implements Pop3Handler<Pop3Command.Top> {

    private final ContentStreamer streamer;

    public TopHandler(ContentStreamer streamer) {
        this.streamer = streamer;
    }

    @Override
    public Class<Pop3Command.Top> type() {
        return Pop3Command.Top.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Top command, Pop3Context session) {
        return streamer.top(session, command.message(), command.lines(), "top of message follows");
    }
}
