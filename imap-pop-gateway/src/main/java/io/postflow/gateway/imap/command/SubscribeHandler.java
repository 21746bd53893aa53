package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7) of existing mailboxes. */
@ApplicationScoped
public class SubscribeHandler {

    private final MailboxClient mailbox;

    public SubscribeHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    Future<Tagged> set(String name, boolean subscribed, SessionContext session) {
        String account = session.account();
        return mailbox.subscribe(account, name, subscribed)
                .map(v -> Tagged.ok((subscribed ? "SUBSCRIBE" : "UNSUBSCRIBE") + " completed"));
    }

    @ApplicationScoped
    public static class Subscribe implements CommandHandler<ImapCommand.Subscribe> {

        private final SubscribeHandler handler;

        public Subscribe(SubscribeHandler handler) {
            this.handler = handler;
        }

        @Override
        public Class<ImapCommand.Subscribe> type() {
            return ImapCommand.Subscribe.class;
        }

        @Override
        public Future<Tagged> handle(ImapCommand.Subscribe command, SessionContext session) {
            return handler.set(command.mailbox(), true, session);
        }
    }

    @ApplicationScoped
    public static class Unsubscribe implements CommandHandler<ImapCommand.Unsubscribe> {

        private final SubscribeHandler handler;

        public Unsubscribe(SubscribeHandler handler) {
            this.handler = handler;
        }

        @Override
        public Class<ImapCommand.Unsubscribe> type() {
            return ImapCommand.Unsubscribe.class;
        }

        @Override
        public Future<Tagged> handle(ImapCommand.Unsubscribe command, SessionContext session) {
            return handler.set(command.mailbox(), false, session);
        }
    }
}
