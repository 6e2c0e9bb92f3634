package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.KeyedRun;
import io.iterativeflow.core.spi.QueueStats;
import java.time.Duration;
import java.util.Optional;

/** Read-only statements for operations: a schedule's newest run, the queue's size and lag, the schema version. */
public final class OperationsReads {

    private final Transactions tx;
    private final FlowClock clock;
    private final OperationsSql sql;

    public OperationsReads(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.sql = database.operations;
    }

    public Optional<KeyedRun> latestWithKeyPrefix(String flowName, String keyPrefix) {
        return tx.readOnly(em -> SqlCall.of(em, sql.latestWithKeyPrefix()).text("flow", flowName)
                .text("prefix", keyPrefix)
                .list(row -> new KeyedRun(row.uuid("id"), RunStatus.fromDbName(row.text("status")),
                        row.text("idempotency_key")))
                .stream().findFirst());
    }

    public QueueStats queue() {
        return tx.readOnly(em -> SqlCall.of(em, sql.queue()).clock(clock)
                .one(row -> new QueueStats(row.count("ready"), Duration.ofMillis(Math.max(0, row.count("lag_ms"))),
                        row.count("running"))));
    }

    public String schemaVersion() {
        return tx.readOnly(em -> SqlCall.of(em, sql.schemaVersion()).list(row -> row.text("version")).stream()
                .findFirst().orElse("none"));
    }
}
