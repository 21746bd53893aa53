package io.postflow.mailbox.persistence;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import org.hibernate.JDBCException;

/**
 * Recognises PostgreSQL errors by SQLSTATE (PostgreSQL manual, Appendix A), wherever Hibernate
 * Reactive or the Vert.x client wrapped them. A concurrent request can always beat a check made
 * before an insert; the constraint is the last word and must answer like the check would have.
 */
public final class SqlStates {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    public static boolean isForeignKeyViolation(Throwable failure) {
        return FOREIGN_KEY_VIOLATION.equals(sqlState(failure));
    }

    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null) {
                return db.getSqlState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
        }
        return null;
    }
}
