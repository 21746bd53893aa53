package io.postflow.gateway.imap.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** The arguments of the QUOTA commands (RFC 9208 §4.1, §7). */
final class QuotaParser {

    private QuotaParser() {
    }

    /** {@code GETQUOTA SP quota-root-name}, the root an astring. */
    static ImapCommand.GetQuota getQuota(ImapReader r) {
        r.sp();
        return new ImapCommand.GetQuota(r.astring());
    }

    /** {@code GETQUOTAROOT SP mailbox}. */
    static ImapCommand.GetQuotaRoot getQuotaRoot(ImapReader r) {
        r.sp();
        return new ImapCommand.GetQuotaRoot(r.mailbox());
    }

    /** {@code SETQUOTA SP quota-root-name SP "(" [resource SP number64 *(SP resource SP number64)] ")"}. */
    static ImapCommand.SetQuota setQuota(ImapReader r) {
        r.sp();
        String root = r.astring();
        r.sp();
        r.expect('(');
        Map<String, Long> limits = new LinkedHashMap<>();
        while (!r.skip(')')) {
            if (!limits.isEmpty()) {
                r.sp();
            }
            String resource = r.upperAtom();
            r.sp();
            limits.put(resource, r.number64());
        }
        return new ImapCommand.SetQuota(root, limits);
    }
}
