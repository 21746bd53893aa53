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
}
