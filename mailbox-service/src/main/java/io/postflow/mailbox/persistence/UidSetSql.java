package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.UidSet;

/**
 * SQL conditions selecting the entries of a {@link UidSet}. The set becomes one int8multirange,
 * computed once per execution (an InitPlan): the explicit ranges from two array parameters, plus
 * {@code [min(starFrom, highest UID), ∞)} when the set has a "*". Each entry is then tested with a
 * binary search, never with a list of UIDs.
 */
final class UidSetSql {

    private UidSetSql() {
    }

    /**
     * Membership of {@code column} in the set, for a filter.
     *
     * @param mailbox the SQL expression of the mailbox id ("*" is that mailbox's highest UID)
     */
    static String member(SqlParams params, UidSet set, String column, String mailbox) {
        return column + " <@ " + multirange(params, set, mailbox);
    }

    /**
     * Membership plus the set's lowest and highest UID as separate conditions, so that an index
     * scan on (mailbox_id, uid) reads only the span of the set, in UID order.
     */
    static String bounded(SqlParams params, UidSet set, String column, String mailbox) {
        String range = multirange(params, set, mailbox);
        return column + " <@ " + range
                + " AND " + column + " >= lower(" + range + ")"
                + " AND " + column + " < coalesce(upper(" + range + "), 9223372036854775807)";
    }

    private static String multirange(SqlParams params, UidSet set, String mailbox) {
        String firsts = params.add(set.firsts());
        String lasts = params.add(set.lasts());
        String star = params.add(set.starFrom());
        return "(SELECT coalesce(range_agg(int8range(r.lo, r.hi, '[]')), '{}'::int8multirange) FROM ("
                + "SELECT * FROM unnest(" + firsts + "::int8[], " + lasts + "::int8[]) "
                + "UNION ALL SELECT least(" + star + "::int8, (SELECT max(x.uid) FROM mailbox_message x WHERE x.mailbox_id = "
                + mailbox + ")), NULL::int8 WHERE " + star + "::int8 IS NOT NULL) AS r(lo, hi))";
    }
}
