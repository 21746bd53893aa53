package io.postflow.mailbox.domain.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON form of a search into {@link SearchKey}s. Each criterion is an object with exactly
 * one member:
 * <pre>
 * {"all":true}  {"and":[c, ...]}  {"or":[c, c, ...]}  {"not":c}  {"uids":"1:5,9"}
 * {"flag":"\\Seen"}  {"noFlag":"\\Seen"}  {"keyword":"$Junk"}  {"noKeyword":"$Junk"}
 * {"before":"2024-05-01"}  {"on":...}  {"since":...}  {"sentBefore":...}  {"sentOn":...}  {"sentSince":...}
 * {"larger":1000}  {"smaller":1000}  {"header":{"name":"Subject","value":"x"}}
 * {"body":"x"}  {"text":"x"}  {"modseq":42}
 * </pre>
 * Trees are bounded in depth and size, so a request cannot make an unbounded statement.
 */
public final class SearchCriteria {

    static final int MAX_DEPTH = 32;
    static final int MAX_KEYS = 500;

    private int keys;

    private SearchCriteria() {
    }

    /** The criterion, or INVALID saying what is wrong with it. */
    public static SearchKey parse(JsonNode criteria) {
        return new SearchCriteria().key(criteria, 0);
    }

    private SearchKey key(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("criteria nested deeper than " + MAX_DEPTH);
        }
        if (++keys > MAX_KEYS) {
            throw invalid("more than " + MAX_KEYS + " criteria");
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw invalid("a criterion is an object with exactly one member");
        }
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        Map.Entry<String, JsonNode> member = members.next();
        JsonNode value = member.getValue();
        return switch (member.getKey()) {
            case "all" -> new SearchKey.All();
            case "and" -> new SearchKey.And(list(value, 1, depth, "and"));
            case "or" -> new SearchKey.Or(list(value, 2, depth, "or"));
            case "not" -> new SearchKey.Not(key(value, depth + 1));
            case "uids" -> new SearchKey.Uids(UidSet.parse(text(value, "uids")));
            case "flag" -> new SearchKey.Flag(flag(value, "flag"), true);
            case "noFlag" -> new SearchKey.Flag(flag(value, "noFlag"), false);
            case "keyword" -> new SearchKey.Keyword(keyword(value, "keyword"), true);
            case "noKeyword" -> new SearchKey.Keyword(keyword(value, "noKeyword"), false);
            case "before" -> date(value, SearchKey.DateRelation.BEFORE, false, "before");
            case "on" -> date(value, SearchKey.DateRelation.ON, false, "on");
            case "since" -> date(value, SearchKey.DateRelation.SINCE, false, "since");
            case "sentBefore" -> date(value, SearchKey.DateRelation.BEFORE, true, "sentBefore");
            case "sentOn" -> date(value, SearchKey.DateRelation.ON, true, "sentOn");
            case "sentSince" -> date(value, SearchKey.DateRelation.SINCE, true, "sentSince");
            case "larger" -> new SearchKey.Size(number(value, "larger"), true);
            case "smaller" -> new SearchKey.Size(number(value, "smaller"), false);
            case "header" -> header(value);
            case "body" -> new SearchKey.Body(text(value, "body"));
            case "text" -> new SearchKey.Text(text(value, "text"));
            case "modseq" -> new SearchKey.Modseq(number(value, "modseq"));
            default -> throw invalid("unknown criterion: " + member.getKey());
        };
    }

    private List<SearchKey> list(JsonNode value, int minimum, int depth, String name) {
        if (value == null || !value.isArray() || value.size() < minimum) {
            throw invalid(name + " takes an array of at least " + minimum + " criteria");
        }
        List<SearchKey> list = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            list.add(key(element, depth + 1));
        }
        return list;
    }

    private static String text(JsonNode value, String name) {
        if (value == null || !value.isTextual()) {
            throw invalid(name + " takes a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode value, String name) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw invalid(name + " takes a non-negative integer");
        }
        return value.longValue();
    }

    private static int flag(JsonNode value, String name) {
        return SystemFlags.bits(List.of(text(value, name)));
    }

    private static String keyword(JsonNode value, String name) {
        return Keywords.validated(List.of(text(value, name))).get(0);
    }

    private static SearchKey date(JsonNode value, SearchKey.DateRelation relation, boolean sent, String name) {
        try {
            return new SearchKey.Date(relation, LocalDate.parse(text(value, name)), sent);
        } catch (DateTimeParseException e) {
            throw invalid(name + " takes a date as YYYY-MM-DD");
        }
    }

    /** RFC 5322 §3.6.8: a field name is 1*ftext, printable US-ASCII except ":". */
    private static SearchKey header(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 2) {
            throw invalid("header takes {\"name\":..., \"value\":...}");
        }
        String name = text(value.get("name"), "header name");
        String text = text(value.get("value"), "header value");
        if (name.isEmpty() || name.length() > 200 || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw invalid("invalid header field name: " + name);
        }
        return new SearchKey.Header(name.toLowerCase(Locale.ROOT), text);
    }

    private static MailRejection invalid(String detail) {
        return new MailRejection(MailRejection.Code.INVALID, detail);
    }
}
