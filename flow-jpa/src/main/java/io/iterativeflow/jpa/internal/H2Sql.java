package io.iterativeflow.jpa.internal;

import java.util.List;

/**
 * The H2 counterparts of {@link Sql}'s fragments. H2 has no data-modifying CTEs and no {@code RETURNING}, so an
 * operation that is one statement on PostgreSQL is several statements in one transaction on H2; a changed row is read
 * back with {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}. H2's {@code CURRENT_TIMESTAMP} is fixed within a
 * transaction, as PostgreSQL's {@code now()} is.
 */
final class H2Sql {

    /** The engine's time: the database clock plus {@code :offsetMs}. */
    static final String NOW = "DATEADD(MILLISECOND, :offsetMs, CURRENT_TIMESTAMP)";

    /**
     * {@link Sql#RENEWED_LEASE} on H2: extended by {@code :leaseMs} once half of it has passed. The cast keeps the
     * sum a BIGINT: divided by an integer literal, an untyped parameter would be an INTEGER, too small for a clock
     * offset of weeks.
     */
    static final String RENEWED_LEASE = "CASE WHEN lease_expires_at < DATEADD(MILLISECOND,"
            + " :offsetMs + CAST(:leaseMs AS BIGINT) / 2, CURRENT_TIMESTAMP) THEN " + nowPlus("leaseMs")
            + " ELSE lease_expires_at END";

    /**
     * The fence of an attempt ({@link Sql#FENCED}) as a statement of its own: it renews the lease and keeps the run's
     * row locked until the commit, so the writes that follow it in the transaction are the attempt's only if it
     * changed one row.
     */
    static final String FENCE = "UPDATE workflow.runs SET updated_at = " + NOW + ", lease_expires_at = "
            + RENEWED_LEASE + " WHERE " + Sql.FENCED;

    private H2Sql() {
    }

    /** {@code NOW + :name} for a duration bound with {@link SqlCall#millis}. */
    static String nowPlus(String millisParameter) {
        return "DATEADD(MILLISECOND, :offsetMs + :" + millisParameter + ", CURRENT_TIMESTAMP)";
    }

    /** A JSON text parameter as a JSON value (a plain cast would make it a JSON string). */
    static String json(String parameter) {
        return ":" + parameter + " FORMAT JSON";
    }

    /**
     * An array constructor with one typed parameter per element, {@code ARRAY[CAST(:tags0 AS VARCHAR), ...]}; bind it
     * with {@link SqlCall#texts}.
     */
    static String textArray(String parameter, List<String> values) {
        StringBuilder sql = new StringBuilder("ARRAY[");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(:").append(parameter).append(i).append(" AS VARCHAR)");
        }
        return sql.append(']').toString();
    }
}
