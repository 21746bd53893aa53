package io.postflow.mailbox.domain.mail;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The internal date an APPEND may give: IMAP's {@code date-time} (RFC 3501 §9, e.g.
 * {@code " 7-Feb-1994 21:52:25 -0800"}, quotes optional) or ISO-8601 with an offset.
 */
public final class InternalDates {

    private static final Pattern IMAP = Pattern.compile(
            "\"?\\s?(\\d{1,2})-([A-Za-z]{3})-(\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) ([+-])(\\d{2})(\\d{2})\"?");
    private static final String MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec";

    /**
     * The zone INTERNALDATE is answered in when the client gave none (delivered mail, APPEND
     * without a date): the server's, as for the Received: field it stamps.
     */
    public static final java.time.ZoneId SERVER_ZONE = java.time.ZoneId.systemDefault();

    private InternalDates() {
    }

    /**
     * A stored instant as INTERNALDATE shows it: in the zone the client gave at APPEND
     * ({@code zoneSeconds}, east of UTC), or in the server's zone when it gave none.
     */
    public static OffsetDateTime inZone(OffsetDateTime stored, Integer zoneSeconds) {
        if (stored == null) {
            return null;
        }
        java.time.ZoneOffset zone = zoneSeconds != null ? java.time.ZoneOffset.ofTotalSeconds(zoneSeconds)
                : SERVER_ZONE.getRules().getOffset(stored.toInstant());
        return stored.withOffsetSameInstant(zone);
    }

    /** The date-time, or INVALID. */
    public static OffsetDateTime parse(String text) {
        Matcher m = IMAP.matcher(text);
        try {
            if (m.matches()) {
                int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
                if (month < 0 || month % 4 != 0) {
                    throw invalid(text);
                }
                int hours = Integer.parseInt(m.group(8));
                int minutes = Integer.parseInt(m.group(9));
                if (minutes > 59) {
                    throw invalid(text);
                }
                int sign = m.group(7).equals("-") ? -1 : 1;
                ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
                return OffsetDateTime.of(Integer.parseInt(m.group(3)), month / 4 + 1, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 0, zone);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeException e) { // DateTimeParseException included
            throw invalid(text);
        }
    }

    private static MailRejection invalid(String text) {
        return new MailRejection(MailRejection.Code.INVALID, "invalid internal date: " + text);
    }
}
