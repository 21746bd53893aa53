package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SETQUOTA (RFC 9208 §4.1): limits are the operator's, set through the admin API, so a user's
 * request is refused (QUOTASET is not advertised). The syntax is still checked by the parser.
 */
@ApplicationScoped
public class SetQuotaHandler implements CommandHandler<ImapCommand.SetQuota> {

    @Override
    public Class<ImapCommand.SetQuota> type() {
        return ImapCommand.SetQuota.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.SetQuota command, SessionContext session) {
        return Future.succeededFuture(Tagged.no("NOPERM", "quotas are set by the administrator"));
    }
}
