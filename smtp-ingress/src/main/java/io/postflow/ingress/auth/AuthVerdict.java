package io.postflow.ingress.auth;

/** The answer of a password check. */
public sealed interface AuthVerdict {

    /** Right password: {@code account} is the canonical address of the account. */
    record Verified(String account, long accountId) implements AuthVerdict {
    }

    /** Wrong user or password (535 5.7.8). */
    record Rejected() implements AuthVerdict {
    }

    /** Too many failures for this account or client; try later (454 4.7.0). */
    record Throttled() implements AuthVerdict {
    }

    /** The check could not be made (mailbox-service down, timeout): 454 4.7.0. */
    record Unavailable(String reason) implements AuthVerdict {
    }
}
