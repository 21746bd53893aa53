package io.postflow.mailbox.domain.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Date: value (RFC 5322 §3.3), including the obsolete forms of §4.3: two- and three-digit
 * years, named zones, missing seconds and comments anywhere. Mime4j's JavaCC date parser keeps its
 * comment depth in a static field, which is unsafe with concurrent deliveries, so the grammar is small
 * enough to read here.
 */
final class SentDateParser {

    // [day-of-week [","]] day month year hour ":" minute [":" second] [zone]; anything after is ignored
    private static final Pattern DATE_TIME = Pattern.compile(
            "(?:[A-Za-z]+\\s*,?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,})\\.?\\s+(\\d{2,4})\\s+"
                    + "(\\d{1,2})\\s*:\\s*(\\d{1,2})(?:\\s*:\\s*(\\d{1,2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]+)?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private SentDateParser() {
    }

    /** The date with its own offset, or null when the value is absent or does not parse. */
    static OffsetDateTime parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(withoutComments(value).trim());
        if (!m.lookingAt()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        try {
            // RFC 5322 §3.3 allows second 60 for a leap second; java.time does not.
            int second = m.group(6) == null ? 0 : Math.min(Integer.parseInt(m.group(6)), 59);
            LocalDateTime local = LocalDateTime.of(year(m.group(3)), month / 3 + 1, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
            return OffsetDateTime.of(local, zone(m.group(7)));
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** RFC 5322 §4.3: 00-49 are 2000-2049, 50-99 and three-digit years count from 1900. */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return switch (digits.length()) {
            case 2 -> year < 50 ? 2000 + year : 1900 + year;
            case 3 -> 1900 + year;
            default -> year;
        };
    }

    /**
     * RFC 5322 §3.3 numeric zones and the §4.3 obsolete names. Military letters and unknown names are
     * "-0000", no known offset, as §4.3 says. A missing zone is treated the same way.
     */
    private static ZoneOffset zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        char first = zone.charAt(0);
        if (first == '+' || first == '-') {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (minutes > 59) {
                throw new DateTimeException("zone minutes " + zone);
            }
            int sign = first == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return switch (zone.toUpperCase(Locale.ROOT)) {
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "EST", "CDT" -> ZoneOffset.ofHours(-5);
            case "CST", "MDT" -> ZoneOffset.ofHours(-6);
            case "MST", "PDT" -> ZoneOffset.ofHours(-7);
            case "PST" -> ZoneOffset.ofHours(-8);
            default -> ZoneOffset.UTC; // UT, GMT, military zones, unknown names
        };
    }

    /** RFC 5322 §3.2.2: comments may appear between any two tokens; they become a space. */
    private static String withoutComments(String value) {
        if (value.indexOf('(') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        HeaderValueCursor in = new HeaderValueCursor(value);
        while (!in.atEnd()) {
            if (in.at('(')) {
                in.skipCfws(null);
                out.append(' ');
            } else {
                out.append(in.peek());
                in.skip();
            }
        }
        return out.toString();
    }
}
