package io.postflow.mailbox.domain.mail;

import java.time.Duration;

/** A login refused before its password was checked: too many recent failures from this pair. */
public class LoginThrottled extends MailRejection {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super(Code.THROTTLED, "too many failed logins for this account from this client; retry later");
        this.retryAfter = retryAfter;
    }

    /** How long until the pair may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
