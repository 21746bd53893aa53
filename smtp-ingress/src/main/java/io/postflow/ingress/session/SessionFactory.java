package io.postflow.ingress.session;

import io.postflow.ingress.auth.AuthResponseHandler;
import io.postflow.ingress.handler.DataEndHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Builds one {@link SmtpSession} per accepted connection. */
@ApplicationScoped
public class SessionFactory {

    private final AtomicLong counter = new AtomicLong();
    private final CommandDispatcher dispatcher;
    private final DataEndHandler dataEnd;
    private final AuthResponseHandler authResponses;
    private final SessionSettings settings;

    public SessionFactory(CommandDispatcher dispatcher, DataEndHandler dataEnd, AuthResponseHandler authResponses,
                          SessionSettings settings) {
        this.dispatcher = dispatcher;
        this.dataEnd = dataEnd;
        this.authResponses = authResponses;
        this.settings = settings;
    }

    public SmtpSession create(ListenerKind listener, Connection connection, Inbound inbound) {
        String id = listener.name().toLowerCase() + "-" + Long.toString(counter.incrementAndGet(), 36);
        return new SmtpSession(new SessionContext(id, listener, connection, inbound, settings), dispatcher, dataEnd, authResponses);
    }
}
