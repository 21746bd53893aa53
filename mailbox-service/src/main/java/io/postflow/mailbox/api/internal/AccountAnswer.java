package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.AccountUsage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account and its storage (IMAP QUOTA, RFC 9208 resource STORAGE, counts in bytes here; the
 * gateway divides by 1024).
 *
 * @param quotaBytes the limit, or null for none
 */
@Schema(name = "InternalAccount")
public record AccountAnswer(String account, long accountId, Long quotaBytes, long usedBytes) {

    static AccountAnswer of(AccountUsage usage) {
        return new AccountAnswer(usage.address(), usage.id(), usage.quotaBytes(), usage.usedBytes());
    }
}
