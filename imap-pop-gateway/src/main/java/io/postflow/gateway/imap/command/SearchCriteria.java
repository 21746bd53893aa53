package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.SearchKey;
import io.postflow.gateway.imap.protocol.SequenceSet;
import io.postflow.gateway.imap.session.SelectedView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SEARCH keys as the internal API's criteria tree (mailbox-service {@code SearchCriteria}). */
final class SearchCriteria {

    private static final Set<String> SYSTEM = Set.of("\\ANSWERED", "\\FLAGGED", "\\DELETED", "\\SEEN", "\\DRAFT");

    private SearchCriteria() {
    }

    static JsonObject of(SearchKey key, SelectedView view) {
        if (key instanceof SearchKey.All) {
            return new JsonObject().put("all", true);
        }
        if (key instanceof SearchKey.And and) {
            JsonArray all = new JsonArray();
            and.keys().forEach(k -> all.add(of(k, view)));
            return new JsonObject().put("and", all);
        }
        if (key instanceof SearchKey.Or or) {
            return new JsonObject().put("or", new JsonArray().add(of(or.left(), view)).add(of(or.right(), view)));
        }
        if (key instanceof SearchKey.Not not) {
            return new JsonObject().put("not", of(not.key(), view));
        }
        if (key instanceof SearchKey.Sequence seq) {
            return uids(sequenceUids(seq.set(), view));
        }
        if (key instanceof SearchKey.Uids uids) {
            return new JsonObject().put("uids", uids.set().text());
        }
        if (key instanceof SearchKey.Recent recent) {
            List<Long> list = view.recentUids();
            JsonObject isRecent = list.isEmpty() ? nothing() : uids(join(list));
            return recent.recent() ? isRecent : new JsonObject().put("not", isRecent);
        }
        if (key instanceof SearchKey.Flag flag) {
            boolean system = SYSTEM.contains(flag.flag().toUpperCase(Locale.ROOT));
            String name = system ? canonical(flag.flag()) : flag.flag();
            if (flag.flag().startsWith("\\") && !system) {
                return flag.set() ? nothing() : new JsonObject().put("all", true);
            }
            return new JsonObject().put(system ? (flag.set() ? "flag" : "noFlag") : (flag.set() ? "keyword" : "noKeyword"), name);
        }
        if (key instanceof SearchKey.Date date) {
            String relation = switch (date.relation()) {
                case BEFORE -> "before";
                case ON -> "on";
                case SINCE -> "since";
            };
            String member = date.sent() ? "sent" + Character.toUpperCase(relation.charAt(0)) + relation.substring(1) : relation;
            return new JsonObject().put(member, date.date().toString());
        }
        if (key instanceof SearchKey.Size size) {
            return new JsonObject().put(size.larger() ? "larger" : "smaller", size.octets());
        }
        if (key instanceof SearchKey.Header header) {
            return new JsonObject().put("header", new JsonObject().put("name", header.name()).put("value", header.value()));
        }
        if (key instanceof SearchKey.Modseq modseq) {
            return new JsonObject().put("modseq", modseq.modseq());
        }
        if (key instanceof SearchKey.Body body) {
            return new JsonObject().put("body", body.text());
        }
        return new JsonObject().put("text", ((SearchKey.Text) key).text());
    }

    /** Sequence numbers beyond EXISTS match nothing (a SEARCH is no error for them). */
    private static String sequenceUids(SequenceSet set, SelectedView view) {
        StringBuilder out = new StringBuilder();
        int size = view.exists();
        for (SequenceSet.Range r : set.ranges()) {
            long low = r.low(size);
            long high = Math.min(r.high(size), size);
            if (size == 0 || low > high) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ",").append(view.uidAt((int) low));
            if (high != low) {
                out.append(':').append(view.uidAt((int) high));
            }
        }
        return out.toString();
    }

    private static JsonObject uids(String set) {
        return set.isEmpty() ? nothing() : new JsonObject().put("uids", set);
    }

    private static JsonObject nothing() {
        return new JsonObject().put("not", new JsonObject().put("all", true));
    }

    private static String join(List<Long> uids) {
        StringBuilder out = new StringBuilder();
        for (long uid : uids) {
            out.append(out.length() == 0 ? "" : ",").append(uid);
        }
        return out.toString();
    }

    private static String canonical(String flag) {
        String lower = flag.substring(1).toLowerCase(Locale.ROOT);
        return "\\" + Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
