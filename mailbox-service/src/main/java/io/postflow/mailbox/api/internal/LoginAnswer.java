package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.LoginVerification.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The password matched.
 *
 * @param account   the canonical address: use it as the session's user name from now on
 * @param accountId the account's id
 */
@Schema(name = "InternalLoginAnswer")
public record LoginAnswer(String account, long accountId) {

    static LoginAnswer of(Authenticated authenticated) {
        return new LoginAnswer(authenticated.address(), authenticated.accountId());
    }
}
