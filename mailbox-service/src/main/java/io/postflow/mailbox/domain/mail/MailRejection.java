package io.postflow.mailbox.domain.mail;

/**
 * A refusal of an internal mailbox API call, named after the IMAP response code the gateway turns
 * it into (RFC 5530), so no status-code guessing happens in between.
 */
public class MailRejection extends RuntimeException {

    public enum Code {
        /** Malformed request: BAD or NO in the gateway. HTTP 400. */
        INVALID(400, "invalid_request"),
        /** Wrong password; also for unknown accounts, so accounts cannot be probed. HTTP 401. */
        AUTHENTICATIONFAILED(401, "authentication_failed"),
        /** No such mailbox or message (IMAP [NONEXISTENT]; [TRYCREATE] for a COPY target). HTTP 404. */
        NONEXISTENT(404, "nonexistent"),
        /** The name is taken (IMAP [ALREADYEXISTS]). HTTP 409. */
        ALREADYEXISTS(409, "already_exists"),
        /** Not allowed for this mailbox, e.g. deleting INBOX (IMAP [CANNOT]). HTTP 409. */
        CANNOT(409, "cannot"),
        /** The POP3 maildrop is locked by another session (POP3 [IN-USE], RFC 2449 §8.1.2). HTTP 409. */
        IN_USE(409, "in_use"),
        /**
         * The expunges after the MODSEQ asked for were pruned from the expunge log: the session
         * cannot catch up and must resynchronise (the gateway closes it with BYE). HTTP 410.
         */
        CHANGES_PRUNED(410, "changes_pruned"),
        /** The account's quota would be exceeded (IMAP [OVERQUOTA], RFC 9208). HTTP 422. */
        OVERQUOTA(422, "over_quota"),
        /** Too many failed attempts from this client for this account; retry later. HTTP 429. */
        THROTTLED(429, "throttled");

        private final int status;
        private final String error;

        Code(int status, String error) {
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    private final Code code;

    public MailRejection(Code code, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
