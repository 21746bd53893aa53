package io.postflow.gateway.imap.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMAP sequence set (RFC 3501 §9 {@code sequence-set}): ranges of numbers where {@code *} is
 * the largest number in use ({@link #STAR}). Ranges are kept as written, each normalised low to high
 * once {@code *} is known.
 */
public record SequenceSet(List<Range> ranges) {

    /** Stands for {@code *}. */
    public static final long STAR = -1;

    public SequenceSet {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("empty sequence set");
        }
    }

    /** {@code from:to} as written; either may be {@link #STAR}. */
    public record Range(long from, long to) {

        /** Low and high once {@code *} is {@code largest}. */
        public long low(long largest) {
            return Math.min(value(from, largest), value(to, largest));
        }

        public long high(long largest) {
            return Math.max(value(from, largest), value(to, largest));
        }

        private static long value(long n, long largest) {
            return n == STAR ? largest : n;
        }

        String text() {
            return from == to ? number(from) : number(from) + ":" + number(to);
        }

        private static String number(long n) {
            return n == STAR ? "*" : Long.toString(n);
        }
    }

    /** Parses {@code 1,3:5,7:*}; IllegalArgumentException when malformed or 0 appears. */
    public static SequenceSet parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = element(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(element(part.substring(0, colon)), element(part.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges);
    }

    private static long element(String text) {
        if (text.equals("*")) {
            return STAR;
        }
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid sequence set element: " + text);
        }
        long n = Long.parseLong(text);
        if (n == 0 || n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("sequence numbers and UIDs are 1 to 4294967295");
        }
        return n;
    }

    public boolean contains(long n, long largest) {
        for (Range r : ranges) {
            if (n >= r.low(largest) && n <= r.high(largest)) {
                return true;
            }
        }
        return false;
    }

    /** The set in IMAP syntax, as the internal API's {@code uids} parameter takes it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Range r : ranges) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(r.text());
        }
        return out.toString();
    }
}
