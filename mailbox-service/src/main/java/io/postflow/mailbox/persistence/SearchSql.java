package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.SearchKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a search tree into one SQL condition over {@code e} (mailbox_message) and {@code b}
 * (message_body). Values only ever travel as parameters. Every leaf is a plain true/false, never
 * NULL (a message without a Date: header is simply not SENTBEFORE anything), so NOT means "does not
 * match", as RFC 3501 §6.4.4 wants, and not SQL's unknown.
 *
 * <p>Substring keys are case-insensitive ILIKE with the LIKE metacharacters escaped, which the
 * trigram indexes on the body table serve.
 */
final class SearchSql {

    /** The decoded columns for the header fields that have one; other fields use header_text. */
    private static final Map<String, String> HEADER_COLUMNS = Map.of(
            "subject", "b.subject", "from", "b.from_text", "to", "b.to_text", "cc", "b.cc_text", "bcc", "b.bcc_text");

    private final SqlParams params;
    private final String mailbox;
    private boolean usesBody;
    private boolean usesModseq;

    /** @param mailbox the placeholder of the mailbox id ("*" in UID sets) */
    SearchSql(SqlParams params, String mailbox) {
        this.params = params;
        this.mailbox = mailbox;
    }

    /** Whether a condition built so far reads the body table. */
    boolean usesBody() {
        return usesBody;
    }

    /** Whether a condition built so far has a MODSEQ key. */
    boolean usesModseq() {
        return usesModseq;
    }

    String condition(SearchKey key) {
        if (key instanceof SearchKey.All) {
            return "TRUE";
        }
        if (key instanceof SearchKey.And and) {
            return and.keys().stream().map(this::condition).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (key instanceof SearchKey.Or or) {
            return or.keys().stream().map(this::condition).collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (key instanceof SearchKey.Not not) {
            return "NOT " + condition(not.key());
        }
        if (key instanceof SearchKey.Uids uids) {
            return "(" + UidSetSql.member(params, uids.set(), "e.uid", mailbox) + ")";
        }
        if (key instanceof SearchKey.Flag flag) {
            return "((e.flags & " + params.add(flag.bit()) + "::int) " + (flag.set() ? "<>" : "=") + " 0)";
        }
        if (key instanceof SearchKey.Keyword keyword) {
            return "(" + (keyword.set() ? "" : "NOT ") + params.add(keyword.keyword()) + "::text = ANY(e.keywords))";
        }
        if (key instanceof SearchKey.Date date) {
            return date(date);
        }
        if (key instanceof SearchKey.Size size) {
            return "(e.size " + (size.larger() ? ">" : "<") + " " + params.add(size.octets()) + "::int8)";
        }
        if (key instanceof SearchKey.Header header) {
            return header(header);
        }
        if (key instanceof SearchKey.Body body) {
            usesBody = true;
            return "(b.body_text ILIKE " + params.add(contains(body.text())) + ")";
        }
        if (key instanceof SearchKey.Text text) {
            usesBody = true;
            String pattern = params.add(contains(text.text()));
            return "(b.header_text ILIKE " + pattern + " OR b.body_text ILIKE " + pattern + ")";
        }
        if (key instanceof SearchKey.Modseq modseq) {
            usesModseq = true;
            return "(e.modseq >= " + params.add(modseq.modseq()) + "::int8)";
        }
        throw new IllegalArgumentException("unknown search key " + key);
    }

    /**
     * RFC 3501 §6.4.4 compares dates "disregarding time and timezone". The store keeps instants,
     * not the zone they were written in, so a day is a UTC day: ON d is [d 00:00Z, d+1 00:00Z).
     * Bounds are instants, so the (mailbox_id, internal_date) index serves the internal date.
     */
    private String date(SearchKey.Date date) {
        String column = date.sent() ? "b.sent_date" : "e.internal_date";
        usesBody |= date.sent();
        String start = params.add(startOf(date.day()));
        return switch (date.relation()) {
            case BEFORE -> "coalesce(" + column + " < " + start + ", FALSE)";
            case SINCE -> "coalesce(" + column + " >= " + start + ", FALSE)";
            case ON -> "coalesce(" + column + " >= " + start + " AND " + column + " < "
                    + params.add(startOf(date.day().plusDays(1))) + ", FALSE)";
        };
    }

    /**
     * SUBJECT, FROM, TO, CC and BCC search their decoded columns; other fields search the unfolded,
     * decoded header text (one "Name: value" per line) with a regular expression anchored at the
     * field's name, so "HEADER X-Tag foo" does not match "foo" in another field. The ILIKE beside
     * it lets the trigram index narrow the rows before the expression runs.
     */
    private String header(SearchKey.Header header) {
        usesBody = true;
        String column = HEADER_COLUMNS.get(header.name());
        if (column != null) {
            return header.value().isEmpty() ? "(" + column + " IS NOT NULL)"
                    : "coalesce(" + column + " ILIKE " + params.add(contains(header.value())) + ", FALSE)";
        }
        String field = "(^|\\n)" + regexLiteral(header.name()) + ":";
        if (header.value().isEmpty()) {
            return "(b.header_text ~* " + params.add(field) + ")";
        }
        return "(b.header_text ILIKE " + params.add(contains(header.value())) + " AND b.header_text ~* "
                + params.add(field + "[^\\r\\n]*" + regexLiteral(header.value())) + ")";
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** A LIKE pattern matching values that contain {@code text} literally. */
    static String contains(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /**
     * {@code text} as a PostgreSQL regular expression that matches it literally: a backslash before
     * every ASCII character that is not a letter or digit (an escaped letter would be a class such
     * as \d, an escaped punctuation character is always itself).
     */
    static String regexLiteral(String text) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                literal.append('\\');
            }
            literal.append(c);
        }
        return literal.toString();
    }
}
