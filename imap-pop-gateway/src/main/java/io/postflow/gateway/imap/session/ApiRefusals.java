package io.postflow.gateway.imap.session;

import io.postflow.gateway.mailbox.MailboxApiException;

/** The one place where internal API refusals become IMAP responses (RFC 5530 response codes). */
public final class ApiRefusals {

    private ApiRefusals() {
    }

    public static Tagged reply(MailboxApiException e) {
        return switch (e.error()) {
            case "nonexistent" -> Tagged.no("NONEXISTENT", "no such mailbox or message");
            case "already_exists" -> Tagged.no("ALREADYEXISTS", "mailbox already exists");
            case "cannot" -> Tagged.no("CANNOT", e.detail());
            case "over_quota" -> Tagged.no("OVERQUOTA", "quota exceeded");
            case "throttled" -> Tagged.no("UNAVAILABLE", "too many attempts, try again later");
            case "authentication_failed" -> Tagged.no("AUTHENTICATIONFAILED", "authentication failed");
            case "invalid_request" -> Tagged.no("CANNOT", e.detail());
            default -> Tagged.no("UNAVAILABLE", "mail store temporarily unavailable");
        };
    }
}
