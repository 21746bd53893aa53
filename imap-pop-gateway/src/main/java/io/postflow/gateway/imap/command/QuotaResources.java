package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.mailbox.Quota;

/**
 * The one quota root of an account (RFC 9208 §3.2): {@code ""}, holding all its mailboxes, with the
 * STORAGE resource in units of 1024 octets (§5.1). Use is rounded up and the limit down, so a client
 * never reads room that is not there. An account without a limit has no quota root.
 */
final class QuotaResources {

    static final String ROOT = "";

    private QuotaResources() {
    }

    /** {@code * QUOTA "" (STORAGE used limit)}. */
    static ImapWriter quota(ImapWriter out, Quota quota) {
        return out.raw("* QUOTA ").string(ROOT).raw(" (STORAGE ").number((quota.usedBytes() + 1023) / 1024).sp()
                .number(quota.limitBytes() / 1024).raw(")").crlf();
    }
}
