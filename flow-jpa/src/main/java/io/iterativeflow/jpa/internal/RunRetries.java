package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code retry}: one guarded write ({@link RetryStatement}) makes a failed run ready again, resets its attempt budget
 * ({@code suspensions = attempts}: the attempt counter itself never goes back, so the fences of old attempts stay
 * invalid), deletes its trailing failed steps (failed steps after the last step that did not fail: the failure that
 * ended the run) with their retry timers, and writes a {@code retried} event naming the cleared keys. Completed steps
 * stay recorded. A run that was not retried is reported as not found or with its status.
 */
public final class RunRetries {

    private static final String STATUS = "SELECT status FROM workflow.runs WHERE id = :runId";

    private final Transactions tx;
    private final FlowClock clock;
    private final RetryStatement statement;

    public RunRetries(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statement = database.retry;
    }

    public RetryResult retry(UUID runId, Optional<String> actor) {
        return tx.inTransaction(em -> statement.retry(em, clock, runId, actor.orElse(null))
                ? new RetryResult.Retried(runId.toString())
                : notRetried(em, runId));
    }

    /** Read with a fresh snapshot, so a retry that lost a race reports the status the winner left. */
    private static RetryResult notRetried(EntityManager em, UUID runId) {
        List<String> status = SqlCall.of(em, STATUS).uuid("runId", runId).list(row -> row.text("status"));
        if (status.isEmpty()) {
            return new RetryResult.NotFound(runId.toString());
        }
        return new RetryResult.NotFailed(runId.toString(), RunStatus.fromDbName(status.get(0)));
    }
}
