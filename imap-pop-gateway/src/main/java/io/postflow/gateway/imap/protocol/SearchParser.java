package io.postflow.gateway.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SEARCH keys (RFC 3501 §6.4.4), bounded in depth so a crafted command cannot recurse deeply. */
final class SearchParser {

    private static final int MAX_DEPTH = 32;

    private SearchParser() {
    }

    /** The keys after SEARCH [CHARSET x]; several top-level keys mean AND. */
    static SearchKey keys(ImapReader r) {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(r, 0));
        } while (r.skip(' '));
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private static SearchKey key(ImapReader r, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("search keys nested too deeply");
        }
        if (r.skip('(')) {
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(key(r, depth + 1));
            } while (r.skip(' '));
            r.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        int c = r.peek();
        if ((c >= '0' && c <= '9') || c == '*') {
            return new SearchKey.Sequence(r.sequenceSet());
        }
        String name = r.upperAtom();
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> flag("\\Answered", true);
            case "DELETED" -> flag("\\Deleted", true);
            case "DRAFT" -> flag("\\Draft", true);
            case "FLAGGED" -> flag("\\Flagged", true);
            case "SEEN" -> flag("\\Seen", true);
            case "UNANSWERED" -> flag("\\Answered", false);
            case "UNDELETED" -> flag("\\Deleted", false);
            case "UNDRAFT" -> flag("\\Draft", false);
            case "UNFLAGGED" -> flag("\\Flagged", false);
            case "UNSEEN" -> flag("\\Seen", false);
            case "KEYWORD" -> flag(arg(r).atom(), true);
            case "UNKEYWORD" -> flag(arg(r).atom(), false);
            case "RECENT" -> new SearchKey.Recent(true);
            case "OLD" -> new SearchKey.Recent(false);
            case "NEW" -> new SearchKey.And(List.of(new SearchKey.Recent(true), flag("\\Seen", false)));
            case "BEFORE" -> date(r, SearchKey.Relation.BEFORE, false);
            case "ON" -> date(r, SearchKey.Relation.ON, false);
            case "SINCE" -> date(r, SearchKey.Relation.SINCE, false);
            case "SENTBEFORE" -> date(r, SearchKey.Relation.BEFORE, true);
            case "SENTON" -> date(r, SearchKey.Relation.ON, true);
            case "SENTSINCE" -> date(r, SearchKey.Relation.SINCE, true);
            case "LARGER" -> new SearchKey.Size(arg(r).number(), true);
            case "SMALLER" -> new SearchKey.Size(arg(r).number(), false);
            case "FROM", "TO", "CC", "BCC", "SUBJECT" -> new SearchKey.Header(capital(name), text(arg(r)));
            case "HEADER" -> {
                String field = text(arg(r));
                yield new SearchKey.Header(field, text(arg(r)));
            }
            case "BODY" -> new SearchKey.Body(text(arg(r)));
            case "TEXT" -> new SearchKey.Text(text(arg(r)));
            case "UID" -> new SearchKey.Uids(arg(r).sequenceSet());
            case "MODSEQ" -> modseq(arg(r));
            case "NOT" -> new SearchKey.Not(key(arg(r), depth + 1));
            case "OR" -> {
                SearchKey left = key(arg(r), depth + 1);
                yield new SearchKey.Or(left, key(arg(r), depth + 1));
            }
            default -> throw new IllegalArgumentException("unknown search key " + name);
        };
    }

    /** {@code MODSEQ [entry-name SP entry-type-req SP] mod-sequence-valzer} (RFC 7162 §3.1.5). */
    private static SearchKey modseq(ImapReader r) {
        if (r.peek() == '"') {
            String entry = new String(r.string(), StandardCharsets.UTF_8);
            if (!entry.startsWith("/flags/")) {
                throw new IllegalArgumentException("MODSEQ entry name must be /flags/<flag>");
            }
            r.sp();
            String type = r.upperAtom();
            if (!type.equals("PRIV") && !type.equals("SHARED") && !type.equals("ALL")) {
                throw new IllegalArgumentException("MODSEQ entry type must be priv, shared or all");
            }
            r.sp();
        }
        return new SearchKey.Modseq(r.modseq());
    }

    private static ImapReader arg(ImapReader r) {
        r.sp();
        return r;
    }

    private static SearchKey flag(String flag, boolean set) {
        return new SearchKey.Flag(flag, set);
    }

    private static SearchKey date(ImapReader r, SearchKey.Relation relation, boolean sent) {
        r.sp();
        String text = r.peek() == '"' ? new String(r.string(), StandardCharsets.US_ASCII) : r.atom();
        return new SearchKey.Date(relation, sent, ImapDates.parseDate(text));
    }

    private static String text(ImapReader r) {
        return r.astring();
    }

    private static String capital(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
