package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.StepWorkFailed;
import io.iterativeflow.jpa.StoreConflictException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what JDBC, Hibernate and JPA throw into the engine's exceptions, cause chained. */
public final class StoreErrors {

    /** PostgreSQL's {@code unique_violation}. */
    static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    /**
     * H2 names the index and its table: {@code violation: "WORKFLOW.RUNS_IDEMPOTENCY ON WORKFLOW.RUNS(...}; a
     * primary key's index is {@code PRIMARY_KEY_<n>}, reported as PostgreSQL names it, {@code <table>_pkey}.
     */
    private static final Pattern H2_INDEX = Pattern.compile(
            "violation: \"(?:\\w+\\.)?(\\w+?)(?:_INDEX_\\w+)? ON (?:\\w+\\.)?(\\w+)\\(");

    private StoreErrors() {
    }

    /**
     * Our own exceptions (and a transactional step's failed work or planned rollback) pass through; a unique violation
     * becomes a conflict; anything else STORE_UNAVAILABLE.
     */
    public static RuntimeException map(RuntimeException e) {
        if (e instanceof FlowException || e instanceof StepWorkFailed || e instanceof RolledBack) {
            return e;
        }
        SQLException sql = sqlCause(e);
        if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return new StoreConflictException("a row with the same key already exists (" + firstLine(sql) + ")",
                    constraint(sql), e);
        }
        String state = sql == null ? "" : " [SQLState " + sql.getSQLState() + "]";
        String detail = firstLine(sql != null ? sql : e);
        return new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "the iterativeflow store failed" + state + ": "
                + detail + "; check that the database is reachable and the schema is migrated", e);
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The constraint named in PostgreSQL's message (the driver's classes may be invisible in a container). */
    static String constraint(SQLException sql) {
        Matcher matcher = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher h2 = H2_INDEX.matcher(String.valueOf(sql.getMessage()));
        if (!h2.find()) {
            return null;
        }
        String index = h2.group(1).startsWith("PRIMARY_KEY") ? h2.group(2) + "_pkey" : h2.group(1);
        return index.toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
