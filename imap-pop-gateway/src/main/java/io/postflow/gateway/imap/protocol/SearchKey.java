package io.postflow.gateway.imap.protocol;

import java.time.LocalDate;
import java.util.List;

/** A SEARCH key (RFC 3501 §6.4.4) after parsing; flags keep their IMAP spelling. */
public sealed interface SearchKey {

    record All() implements SearchKey {
    }

    record And(List<SearchKey> keys) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    /** A message sequence set (not UID). */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    record Uids(SequenceSet set) implements SearchKey {
    }

    /** System flag or keyword, present or absent. */
    record Flag(String flag, boolean set) implements SearchKey {
    }

    /** \Recent / NEW / OLD are evaluated by the gateway: \Recent is per session. */
    record Recent(boolean recent) implements SearchKey {
    }

    record Date(Relation relation, boolean sent, LocalDate date) implements SearchKey {
    }

    enum Relation { BEFORE, ON, SINCE }

    record Size(long octets, boolean larger) implements SearchKey {
    }

    record Header(String name, String value) implements SearchKey {
    }

    record Body(String text) implements SearchKey {
    }

    record Text(String text) implements SearchKey {
    }

    /**
     * MODSEQ (RFC 7162 §3.1.5): messages whose MODSEQ is at least {@code modseq}. An entry name
     * and type are parsed and dropped: mailbox-service keeps one MODSEQ per message, which the RFC
     * allows to stand for every flag's.
     */
    record Modseq(long modseq) implements SearchKey {
    }

    /** Whether a MODSEQ key occurs anywhere in the tree: the SEARCH response then ends in (MODSEQ n). */
    default boolean usesModseq() {
        if (this instanceof Modseq) {
            return true;
        }
        if (this instanceof And and) {
            return and.keys().stream().anyMatch(SearchKey::usesModseq);
        }
        if (this instanceof Or or) {
            return or.left().usesModseq() || or.right().usesModseq();
        }
        return this instanceof Not not && not.key().usesModseq();
    }
}
