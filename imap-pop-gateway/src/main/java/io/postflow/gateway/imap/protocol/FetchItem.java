package io.postflow.gateway.imap.protocol;

/** One FETCH data item (RFC 3501 §6.4.5); macros are expanded by the parser. */
public sealed interface FetchItem {

    record Uid() implements FetchItem {
    }

    record Flags() implements FetchItem {
    }

    /** MODSEQ (RFC 7162 §3.1.4.2). */
    record Modseq() implements FetchItem {
    }

    record InternalDate() implements FetchItem {
    }

    record Rfc822Size() implements FetchItem {
    }

    record Envelope() implements FetchItem {
    }

    /** BODYSTRUCTURE when {@code extensible}, else BODY. */
    record Structure(boolean extensible) implements FetchItem {
    }

    /** BODY[...], BODY.PEEK[...]; RFC822, RFC822.HEADER and RFC822.TEXT with their own names. */
    record Body(BodySection section, boolean peek, String legacyName) implements FetchItem {

        /** The name in the response: RFC822.* keep theirs. */
        public String responseName() {
            return legacyName != null ? legacyName : section.responseName();
        }
    }
}
