package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.KeyedRun;
import io.iterativeflow.core.spi.QueueStats;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Read-only statements for operations: a schedule's newest run, the queue's size and lag, the schema version. */
public final class OperationsReads {

    private static final String LATEST_WITH_KEY_PREFIX = """
            SELECT id, status, idempotency_key FROM workflow.runs
            WHERE flow_name = :flow AND starts_with(idempotency_key, :prefix)
            ORDER BY created_at DESC, id DESC
            LIMIT 1
            """;

    private static final String QUEUE = """
            SELECT count(*) FILTER (WHERE status IN %1$s AND available_at <= %2$s) AS ready,
                   CAST(COALESCE(EXTRACT(EPOCH FROM (%2$s - min(available_at)
                       FILTER (WHERE status IN %1$s AND available_at <= %2$s))) * 1000, 0) AS bigint) AS lag_ms,
                   count(*) FILTER (WHERE status = 'running') AS running
            FROM workflow.runs
            WHERE status IN ('pending', 'retrying', 'sleeping', 'awaiting_signal', 'running')
            """.formatted(Sql.WAITING, Sql.NOW);

    private static final String SCHEMA_VERSION = """
            SELECT version FROM workflow.flyway_schema_history
            WHERE success AND version IS NOT NULL
            ORDER BY installed_rank DESC
            LIMIT 1
            """;

    private static final String H2_LATEST_WITH_KEY_PREFIX = """
            SELECT id, status, idempotency_key FROM workflow.runs
            WHERE flow_name = :flow AND LEFT(idempotency_key, CHAR_LENGTH(:prefix)) = :prefix
            ORDER BY created_at DESC, id DESC
            LIMIT 1
            """;

    private static final String H2_QUEUE = """
            SELECT count(*) FILTER (WHERE status IN %1$s AND available_at <= %2$s) AS ready,
                   COALESCE(DATEDIFF(MILLISECOND, min(available_at)
                       FILTER (WHERE status IN %1$s AND available_at <= %2$s), %2$s), 0) AS lag_ms,
                   count(*) FILTER (WHERE status = 'running') AS running
            FROM workflow.runs
            WHERE status IN ('pending', 'retrying', 'sleeping', 'awaiting_signal', 'running')
            """.formatted(Sql.WAITING, H2Sql.NOW);

    /**
     * H2: Flyway quotes the history table's column names, which keeps them in lower case, while the schema and the
     * table name are stored in upper case like every unquoted name.
     */
    private static final String H2_SCHEMA_VERSION = """
            SELECT "version" FROM workflow.flyway_schema_history
            WHERE "success" AND "version" IS NOT NULL
            ORDER BY "installed_rank" DESC
            LIMIT 1
            """;

    private final Transactions tx;
    private final FlowClock clock;

    public OperationsReads(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<KeyedRun> latestWithKeyPrefix(String flowName, String keyPrefix) {
        String sql = tx.dialect() == Dialect.H2 ? H2_LATEST_WITH_KEY_PREFIX : LATEST_WITH_KEY_PREFIX;
        return tx.readOnly(em -> SqlCall.of(em, sql).text("flow", flowName)
                .text("prefix", keyPrefix)
                .column("id", UUID.class).column("status", String.class).column("idempotency_key", String.class)
                .rows().stream().findFirst()
                .map(r -> new KeyedRun((UUID) r[0], RunStatus.fromDbName((String) r[1]), (String) r[2])));
    }

    public QueueStats queue() {
        return tx.readOnly(em -> {
            Object[] row = SqlCall.of(em, tx.dialect() == Dialect.H2 ? H2_QUEUE : QUEUE).clock(clock)
                    .column("ready", Long.class).column("lag_ms", Long.class).column("running", Long.class)
                    .row();
            return new QueueStats((Long) row[0], Duration.ofMillis(Math.max(0, (Long) row[1])), (Long) row[2]);
        });
    }

    public String schemaVersion() {
        String sql = tx.dialect() == Dialect.H2 ? H2_SCHEMA_VERSION : SCHEMA_VERSION;
        return tx.readOnly(em -> SqlCall.of(em, sql).column("version", String.class).rows().stream()
                .findFirst().map(r -> (String) r[0]).orElse("none"));
    }
}
