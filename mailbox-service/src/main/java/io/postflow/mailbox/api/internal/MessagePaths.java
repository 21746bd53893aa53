package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MailRejection;
import io.postflow.mailbox.persistence.MailboxAccess;

/** Where the message half of the internal API lives, and how its path names an account. */
final class MessagePaths {

    /** Every message operation is under one mailbox of one account. */
    static final String MAILBOX = "/internal/v1/accounts/{address}/mailboxes/{id}";
    static final String ADDRESS = "The account's address, URL-encoded (alice%40example.test)";
    static final String MAILBOX_ID = "The mailbox id";
    static final String SECURITY = "internal-token";

    private MessagePaths() {
    }

    /** The canonical account key of the path's address, or INVALID. */
    static String account(String address) {
        return MailboxAccess.accountKey(address);
    }

    /** A required field of a request body. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw new MailRejection(MailRejection.Code.INVALID, name + " is required");
        }
        return value;
    }
}
