package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * RFC 3501 §6.3.3: a trailing delimiter only declares the intent to create inferiors. With
 * {@code (USE (\Sent))} (CREATE-SPECIAL-USE, RFC 6154 §3) the mailbox gets that attribute.
 */
@ApplicationScoped
public class CreateHandler implements CommandHandler<ImapCommand.Create> {

    /** The special uses mailbox-service stores (RFC 6154 §2); \All and \Flagged would be virtual views. */
    private static final List<String> SPECIAL_USES = List.of("\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive");

    private final MailboxClient mailbox;

    public CreateHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Create> type() {
        return ImapCommand.Create.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Create command, SessionContext session) {
        String name = command.mailbox().replaceAll("/+$", "");
        if (name.isEmpty()) {
            return Future.succeededFuture(Tagged.no("CANNOT", "invalid mailbox name"));
        }
        String use = null;
        if (!command.use().isEmpty()) {
            // RFC 6154 §3: a special use the store cannot give is NO [USEATTR], and nothing is created.
            use = SPECIAL_USES.stream().filter(u -> u.equalsIgnoreCase(command.use().get(0))).findFirst().orElse(null);
            if (use == null || command.use().size() > 1) {
                return Future.succeededFuture(Tagged.no("USEATTR", command.use().size() > 1
                        ? "one special use per mailbox" : "special use " + command.use().get(0) + " is not supported"));
            }
        }
        return mailbox.create(session.account(), name, use).map(created -> Tagged.ok("CREATE completed"));
    }
}
