package io.postflow.common.log;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Log lines about one message carry its trace id as the MDC field {@value #TRACE_ID}, so the JSON
 * logs of all four services can be joined on it (the id is also in the text, for plain logs).
 * The MDC is set only around the one call: reactive code hops threads, so a thread-local left
 * behind would tag unrelated lines.
 */
public final class TraceLog {

    public static final String TRACE_ID = "traceId";

    private TraceLog() {
    }

    public static void info(Logger log, String traceId, String format, Object... params) {
        write(log, Logger.Level.INFO, traceId, null, format, params);
    }

    public static void warn(Logger log, String traceId, String format, Object... params) {
        write(log, Logger.Level.WARN, traceId, null, format, params);
    }

    public static void warn(Logger log, String traceId, Throwable failure, String format, Object... params) {
        write(log, Logger.Level.WARN, traceId, failure, format, params);
    }

    private static void write(Logger log, Logger.Level level, String traceId, Throwable failure, String format, Object... params) {
        if (!log.isEnabled(level)) {
            return;
        }
        Object previous = MDC.get(TRACE_ID);
        MDC.put(TRACE_ID, traceId);
        try {
            log.logf(level, failure, format, params);
        } finally {
            if (previous == null) {
                MDC.remove(TRACE_ID);
            } else {
                MDC.put(TRACE_ID, previous);
            }
        }
    }
}
