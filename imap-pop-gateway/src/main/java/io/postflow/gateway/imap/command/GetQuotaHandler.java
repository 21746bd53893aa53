package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/** GETQUOTA (RFC 9208 §4.2) of the account's one root {@code ""}; any other root does not exist. */
@ApplicationScoped
public class GetQuotaHandler implements CommandHandler<ImapCommand.GetQuota> {

    private final MailboxClient mailbox;

    public GetQuotaHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.GetQuota> type() {
        return ImapCommand.GetQuota.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.GetQuota command, SessionContext session) {
        if (!command.root().equals(QuotaResources.ROOT)) {
            return Future.succeededFuture(Tagged.no("NONEXISTENT", "no such quota root"));
        }
        return mailbox.quota(session.account()).map(quota -> {
            if (quota.limitBytes() == null) {
                return Tagged.no("NONEXISTENT", "no quota set for this account");
            }
            session.write(QuotaResources.quota(new ImapWriter(), quota));
            return Tagged.ok("GETQUOTA completed");
        });
    }
}
