package io.postflow.mailbox.domain.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of UIDs in IMAP syntax (RFC 3501 §9 {@code sequence-set}, e.g. {@code 1:*} or
 * {@code 3,5:9}), kept as ranges so a query selects ranges, never message by message.
 *
 * <p>"*" stands for the highest UID in the mailbox at the time of the query, which only the
 * database knows, so it is kept apart: every range with a "*" end covers
 * {@code [min(n, highest), ∞)}. That is RFC 3501 §6.4.8's rule that "n:*" always includes the
 * last message, even when n is above every UID in use, and a range may be written in either
 * order (§9: "4:2" is "2:4").
 *
 * @param ranges   the explicit ranges, sorted, disjoint and not adjacent
 * @param starFrom null without "*"; else the lowest n of the "n:*" ranges ({@link #MAX_UID} for
 *                 a lone "*"), so that the star part is {@code [min(starFrom, highest), ∞)}
 */
public record UidSet(List<Range> ranges, Long starFrom) {

    /** UIDs are 32-bit unsigned non-zero numbers (RFC 3501 §2.3.1.1, {@code nz-number}). */
    public static final long MAX_UID = 4294967295L;
    /** Longest set accepted, in characters; the gateway splits longer ones. */
    public static final int MAX_LENGTH = 65536;
    /** "*" while parsing. */
    private static final long STAR = -1;

    /** An inclusive range of UIDs. */
    public record Range(long first, long last) {
    }

    public UidSet {
        ranges = List.copyOf(ranges);
    }

    /** Every message: "1:*". */
    public static UidSet all() {
        return new UidSet(List.of(), 1L);
    }

    /** Parses a set or fails with INVALID. */
    public static UidSet parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("empty UID set");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("UID set longer than " + MAX_LENGTH + " characters");
        }
        List<Range> explicit = new ArrayList<>();
        Long starFrom = null;
        for (String item : text.split(",", -1)) {
            int colon = item.indexOf(':');
            long first = number(colon < 0 ? item : item.substring(0, colon), text);
            long last = colon < 0 ? first : number(item.substring(colon + 1), text);
            if (first == STAR || last == STAR) {
                long from = first == STAR ? (last == STAR ? MAX_UID : last) : first;
                starFrom = starFrom == null ? from : Math.min(starFrom, from);
            } else {
                explicit.add(new Range(Math.min(first, last), Math.max(first, last)));
            }
        }
        return new UidSet(merged(explicit), starFrom);
    }

    /** Lower ends of the explicit ranges, for a SQL array parameter. */
    public Long[] firsts() {
        return ranges.stream().map(Range::first).toArray(Long[]::new);
    }

    /** Upper ends of the explicit ranges, for a SQL array parameter. */
    public Long[] lasts() {
        return ranges.stream().map(Range::last).toArray(Long[]::new);
    }

    /** {@code nz-number / "*"}: 1 to 4294967295 without leading zeros. */
    private static long number(String digits, String set) {
        if (digits.equals("*")) {
            return STAR;
        }
        if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0') {
            throw invalid("invalid UID set: " + abbreviated(set));
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid("invalid UID set: " + abbreviated(set));
            }
            value = value * 10 + (c - '0');
        }
        if (value > MAX_UID) {
            throw invalid("UID out of range in set: " + abbreviated(set));
        }
        return value;
    }

    private static List<Range> merged(List<Range> ranges) {
        ranges.sort(Comparator.comparingLong(Range::first));
        List<Range> merged = new ArrayList<>();
        for (Range range : ranges) {
            Range previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && range.first() <= previous.last() + 1) {
                merged.set(merged.size() - 1, new Range(previous.first(), Math.max(previous.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static String abbreviated(String set) {
        return set.length() <= 40 ? set : set.substring(0, 40) + "...";
    }

    private static MailRejection invalid(String detail) {
        return new MailRejection(MailRejection.Code.INVALID, detail);
    }
}
