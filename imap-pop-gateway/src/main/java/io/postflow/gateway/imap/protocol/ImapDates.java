package io.postflow.gateway.imap.protocol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** RFC 3501 {@code date} and {@code date-time} (§9), English month names whatever the locale. */
public final class ImapDates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME_IN =
            DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private ImapDates() {
    }

    /** {@code 07-Feb-1994 21:52:25 -0800}: day as two digits, as Dovecot and most servers send it. */
    public static String format(OffsetDateTime time) {
        return DATE_TIME.format(time);
    }

    /** A date-time as APPEND takes it; the leading space of a one-digit day is allowed. */
    public static OffsetDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(capitalise(text.strip()), DATE_TIME_IN);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date-time: " + text);
        }
    }

    /** A SEARCH date such as {@code 1-Feb-1994}. */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(capitalise(text), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date: " + text);
        }
    }

    /** Month names are case-insensitive on the wire; the formatter wants "Feb". */
    private static String capitalise(String text) {
        int first = text.indexOf('-');
        if (first < 0 || first + 4 > text.length()) {
            return text;
        }
        String month = text.substring(first + 1, first + 4);
        String fixed = month.substring(0, 1).toUpperCase(Locale.ROOT) + month.substring(1).toLowerCase(Locale.ROOT);
        return text.substring(0, first + 1) + fixed + text.substring(first + 4);
    }
}
