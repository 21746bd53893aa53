package io.postflow.mailbox.domain.message;

/** One entry of an ENVELOPE address list (RFC 3501 §7.4.2): a mailbox or a group marker. */
sealed interface EnvelopeAddress {

    /**
     * A mailbox with its parts as they appear in the header (RFC 3501: not decoded from RFC 2047).
     *
     * @param name    display name, or null
     * @param route   obsolete source route such as "@a,@b" (RFC 5322 §4.4), or null
     * @param mailbox local part as written, quotes included
     * @param host    domain as written
     */
    record Mailbox(String name, String route, String mailbox, String host) implements EnvelopeAddress {
    }

    /** Start of a group: written as (NIL NIL "name" NIL). */
    record GroupStart(String name) implements EnvelopeAddress {
    }

    /** End of a group: written as (NIL NIL NIL NIL). */
    record GroupEnd() implements EnvelopeAddress {
    }
}
