package io.postflow.mailbox.messaging;

import io.vertx.pgclient.PgException;

/**
 * How a failed delivery batch is handled. Only failures that the data itself causes may send a
 * record to the dead-letter topic; an unavailable database or broker must hold the partition (and
 * so slow the chain down) until it is back, because dead-lettering there would drop good mail.
 */
enum FailureKind {
    /** Database or broker unreachable or shutting down: retry until it answers. */
    UNAVAILABLE,
    /** Lost a race with another transaction (deadlock, serialization, concurrent delivery): retry. */
    CONFLICT,
    /** Something in the records: deliver them one by one and dead-letter the ones that fail. */
    DATA;

    static FailureKind of(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            if (state.startsWith("40") || state.equals("23505") || state.equals("55P03")) {
                return CONFLICT;
            }
            if (state.startsWith("22") || state.startsWith("23")) {
                return DATA;
            }
            // 08 connection, 53 resources, 57 operator intervention, and anything unknown: wait.
            return UNAVAILABLE;
        }
        if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof NullPointerException || failure instanceof ClassCastException
                || failure instanceof IndexOutOfBoundsException) {
            return DATA;
        }
        return UNAVAILABLE;
    }
}
