package io.postflow.gateway.imap.server;

import io.postflow.common.io.LineReader;
import io.postflow.gateway.config.GatewayConfig;
import io.postflow.gateway.imap.session.CommandFramer;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapSession;
import io.postflow.gateway.imap.session.MailboxHints;
import io.postflow.gateway.imap.session.SessionSettings;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/** Builds the pipeline of one connection: socket → LineReader → CommandFramer → ImapSession. */
@ApplicationScoped
public class ImapSessionFactory {

    private final Map<Class<?>, CommandHandler<?>> handlers = new HashMap<>();
    private final MailboxClient mailbox;
    private final MailboxHints hints;
    private final SessionSettings settings;
    private final GatewayConfig.ImapLimits limits;

    public ImapSessionFactory(@Any Instance<CommandHandler<?>> all, MailboxClient mailbox, MailboxHints hints,
                              GatewayConfig config) {
        all.forEach(handler -> handlers.put(handler.type(), handler));
        this.mailbox = mailbox;
        this.hints = hints;
        this.limits = config.imap().limits();
        this.settings = new SessionSettings(limits.maxLiteral(), limits.maxLiteralBeforeLogin(), limits.maxCommandBytes(),
                limits.autologout().toMillis(), config.auth().allowPlaintextOnLoopback(),
                limits.idleCoalesce().toMillis());
    }

    /** Every command has its handler: checked at start-up rather than at the first use. */
    public int handlerCount() {
        return handlers.size();
    }

    /** {@code onClose} runs after the session learnt that its socket closed. */
    ImapSession open(Vertx vertx, NetSocket socket, boolean tlsAvailable, Runnable onClose) {
        ImapSession[] session = new ImapSession[1];
        NetSocketImapConnection connection = new NetSocketImapConnection(vertx, vertx.getOrCreateContext(), socket, tlsAvailable,
                () -> {
                    session[0].closed();
                    onClose.run();
                });
        LineReader reader = new LineReader(socket, new LineReader.Limits(limits.maxLine(), 2 * limits.maxLine(), limits.maxLine()));
        CommandFramer framer = new CommandFramer(reader, line -> connection.write((line + "\r\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), () -> session[0].literalLimit(), limits.maxCommandBytes());
        session[0] = new ImapSession(connection, framer, handlers, mailbox, hints, settings);
        return session[0];
    }
}
