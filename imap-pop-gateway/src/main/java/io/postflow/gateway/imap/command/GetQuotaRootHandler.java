package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * GETQUOTAROOT (RFC 9208 §4.3): every mailbox lies under the account's root {@code ""}, so the answer
 * needs only the account's quota, one call. The mailbox name is not looked up: it would take a
 * second call, and the root is the same for any name of the account.
 */
@ApplicationScoped
public class GetQuotaRootHandler implements CommandHandler<ImapCommand.GetQuotaRoot> {

    private final MailboxClient mailbox;

    public GetQuotaRootHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.GetQuotaRoot> type() {
        return ImapCommand.GetQuotaRoot.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.GetQuotaRoot command, SessionContext session) {
        return mailbox.quota(session.account()).map(quota -> {
            ImapWriter out = new ImapWriter().raw("* QUOTAROOT ").mailbox(command.mailbox());
            if (quota.limitBytes() == null) {
                session.write(out.crlf()); // no limit: no quota root (RFC 9208 §4.3)
            } else {
                session.write(QuotaResources.quota(out.sp().string(QuotaResources.ROOT).crlf(), quota));
            }
            return Tagged.ok("GETQUOTAROOT completed");
        });
    }
}
