package io.iterativeflow.jpa.internal;

/** The read-only statements of {@link OperationsReads}, written once per database. */
record OperationsSql(String latestWithKeyPrefix, String queue, String schemaVersion) {

    static final OperationsSql POSTGRESQL = new OperationsSql("""
            SELECT id, status, idempotency_key FROM workflow.runs
            WHERE flow_name = :flow AND starts_with(idempotency_key, :prefix)
            ORDER BY created_at DESC, id DESC
            LIMIT 1
            """, """
            SELECT count(*) FILTER (WHERE status IN %1$s AND available_at <= %2$s) AS ready,
                   CAST(COALESCE(EXTRACT(EPOCH FROM (%2$s - min(available_at)
                       FILTER (WHERE status IN %1$s AND available_at <= %2$s))) * 1000, 0) AS bigint) AS lag_ms,
                   count(*) FILTER (WHERE status = 'running') AS running
            FROM workflow.runs
            WHERE status IN ('pending', 'retrying', 'sleeping', 'awaiting_signal', 'running')
            """.formatted(Sql.WAITING, Sql.NOW), """
            SELECT version FROM workflow.flyway_schema_history
            WHERE success AND version IS NOT NULL
            ORDER BY installed_rank DESC
            LIMIT 1
            """);

    /**
     * H2's: Flyway quotes the history table's column names, which keeps them in lower case, while the schema and the
     * table name are stored in upper case like every unquoted name.
     */
    static final OperationsSql H2 = new OperationsSql("""
            SELECT id, status, idempotency_key FROM workflow.runs
            WHERE flow_name = :flow AND LEFT(idempotency_key, CHAR_LENGTH(:prefix)) = :prefix
            ORDER BY created_at DESC, id DESC
            LIMIT 1
            """, """
            SELECT count(*) FILTER (WHERE status IN %1$s AND available_at <= %2$s) AS ready,
                   COALESCE(DATEDIFF(MILLISECOND, min(available_at)
                       FILTER (WHERE status IN %1$s AND available_at <= %2$s), %2$s), 0) AS lag_ms,
                   count(*) FILTER (WHERE status = 'running') AS running
            FROM workflow.runs
            WHERE status IN ('pending', 'retrying', 'sleeping', 'awaiting_signal', 'running')
            """.formatted(Sql.WAITING, H2Sql.NOW), """
            SELECT "version" FROM workflow.flyway_schema_history
            WHERE "success" AND "version" IS NOT NULL
            ORDER BY "installed_rank" DESC
            LIMIT 1
            """);
}
