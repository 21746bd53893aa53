package io.postflow.gateway.pop3.command;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Handler;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 1939 §7 APOP is not offered: it needs the clear-text password on the server, and passwords
 * are stored only as Argon2id hashes. The greeting carries no timestamp, so clients do not try it.
 */
@ApplicationScoped
public class ApopHandler implements Pop3Handler<Pop3Command.Apop> {

    @Override
    public Class<Pop3Command.Apop> type() {
        return Pop3Command.Apop.class;
    }

    @Override
    public Future<Pop3Reply> handle(Pop3Command.Apop command, Pop3Context session) {
        return Future.succeededFuture(Pop3Reply.err("APOP is not supported; use USER/PASS or AUTH PLAIN over TLS"));
    }
}
