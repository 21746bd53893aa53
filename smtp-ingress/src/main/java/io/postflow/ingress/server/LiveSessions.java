package io.postflow.ingress.server;

import io.postflow.ingress.session.SmtpSession;
import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions and their event loops, so shutdown can say 421 to each (RFC 5321 §3.8). */
final class LiveSessions {

    private final Map<SmtpSession, Context> sessions = new ConcurrentHashMap<>();

    void add(SmtpSession session, Context context) {
        sessions.put(session, context);
    }

    void remove(SmtpSession session) {
        sessions.remove(session);
    }

    int size() {
        return sessions.size();
    }

    /** Asks every session, on its own event loop, to send 421 4.3.2 and close. */
    void shutdownAll() {
        sessions.forEach((session, context) -> context.runOnContext(v -> session.shutdown()));
    }
}
