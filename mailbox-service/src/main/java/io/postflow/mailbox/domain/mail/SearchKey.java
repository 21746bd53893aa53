package io.postflow.mailbox.domain.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * A SEARCH criterion (RFC 3501 §6.4.4, RFC 7162 §3.1.5 MODSEQ) as a tree. Message sequence
 * numbers, RECENT/NEW/OLD and charset decoding are the gateway's: it knows its session's view and
 * sends UIDs and UTF-8 text.
 */
public sealed interface SearchKey {

    /** ALL. */
    record All() implements SearchKey {
    }

    /** Every key matches (a list of keys in IMAP is their conjunction). */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** OR: either key matches. */
    record Or(List<SearchKey> keys) implements SearchKey {
        public Or {
            keys = List.copyOf(keys);
        }
    }

    /** NOT. */
    record Not(SearchKey key) implements SearchKey {
    }

    /** UID set. */
    record Uids(UidSet set) implements SearchKey {
    }

    /** ANSWERED, DELETED, ... (set) and UNANSWERED, UNDELETED, ... (not set); {@code bit} of {@link SystemFlags}. */
    record Flag(int bit, boolean set) implements SearchKey {
    }

    /** KEYWORD (set) and UNKEYWORD (not set). */
    record Keyword(String keyword, boolean set) implements SearchKey {
    }

    /** Which day a date key compares with. */
    enum DateRelation { BEFORE, ON, SINCE }

    /** BEFORE/ON/SINCE (internal date, {@code sent} false) and SENTBEFORE/SENTON/SENTSINCE (Date: header). */
    record Date(DateRelation relation, LocalDate day, boolean sent) implements SearchKey {
    }

    /** LARGER (octets greater than) and SMALLER (octets less than), on RFC822.SIZE. */
    record Size(long octets, boolean larger) implements SearchKey {
    }

    /**
     * HEADER field-name string; also SUBJECT, FROM, TO, CC, BCC. An empty value matches every
     * message that has the field (RFC 3501 §6.4.4).
     */
    record Header(String name, String value) implements SearchKey {
    }

    /** BODY: in the body text. */
    record Body(String text) implements SearchKey {
    }

    /** TEXT: in the header or the body text. */
    record Text(String text) implements SearchKey {
    }

    /** MODSEQ: messages whose MODSEQ is at least this (RFC 7162 §3.1.5). */
    record Modseq(long modseq) implements SearchKey {
    }
}
