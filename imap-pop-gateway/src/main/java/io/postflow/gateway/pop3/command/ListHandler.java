package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** RFC 1939 §5 LIST: the scan listing, of one message or of all that are not marked as deleted. */
@ApplicationScoped
public class ListHandler implements Pop3Handler<Pop3Command.List> {

    @Override
    public Class<Pop3Command.List> type() {
        return Pop3Command.List.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.List command, Pop3Context session) {
        MaildropView drop = Transactions.maildrop(session);
        if (command.message() != null) {
            int n = command.message();
            return Future.succeededFuture(drop.exists(n) ? Pop3Reply.ok(n + " " + drop.octets(n)) : Transactions.noSuchMessage(drop, n));
        }
        List<String> lines = new ArrayList<>(drop.count());
        for (int n = 1; n <= drop.size(); n++) {
            if (drop.exists(n)) {
                lines.add(n + " " + drop.octets(n));
            }
        }
        return Future.succeededFuture(Pop3Reply.multiline(drop.count() + " messages (" + drop.octets() + " octets)", lines));
    }
}
