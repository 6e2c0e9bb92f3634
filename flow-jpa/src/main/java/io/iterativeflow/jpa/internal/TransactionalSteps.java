package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepWorkFailed;
import io.iterativeflow.core.spi.TransactionalStep;
import io.iterativeflow.core.spi.TransactionalWork;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * {@code runTransactionalStep}: the step's work and its record in one transaction of the store. The record
 * ({@link TransactionalStepStatements}) fences the attempt and inserts the step only when it is new or waits for this
 * very try ({@code retrying} after an earlier one); anything else rolls the work back with the record. A failed,
 * recorded or lost try never commits.
 */
public final class TransactionalSteps {

    private static final String RECORDED = "SELECT s.result FROM FlowStep s WHERE s.runId = :runId"
            + " AND s.cursorKey = :cursorKey AND s.status = 'completed'";

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final TransactionalStepStatements statements;

    public TransactionalSteps(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statements = database.transactionalStep;
    }

    public RecordedStep run(Fence fence, TransactionalStep step, TransactionalWork work) {
        try {
            return tx.inTransaction(em -> statements.bounded(em, step, () -> {
                String json = em.unwrap(Session.class).doReturningWork(c -> {
                    try {
                        return work.run(c);
                    } catch (Exception | Error e) {
                        throw new StepWorkFailed(e);
                    }
                });
                return record(em, fence, step, json);
            }));
        } catch (RolledBack planned) {
            return planned.result();
        }
    }

    private RecordedStep record(EntityManager em, Fence fence, TransactionalStep step, String json) {
        TransactionalStepStatements.Written written = statements.record(em, clock, fence, step, json,
                leases.of(fence.owner()));
        if (!written.fenced()) {
            throw new RolledBack(new RecordedStep(WriteOutcome.LEASE_LOST, null));
        }
        if (written.written()) {
            return new RecordedStep(WriteOutcome.WRITTEN, json);
        }
        throw rolledBackWithRecord(em, fence, step);
    }

    /** The step was recorded before (this attempt's work is rolled back): answer with that record. */
    private static RolledBack rolledBackWithRecord(EntityManager em, Fence fence, TransactionalStep step) {
        List<String> recorded = em.createQuery(RECORDED, String.class)
                .setParameter("runId", fence.runId())
                .setParameter("cursorKey", step.cursorKey())
                .getResultList();
        return new RolledBack(recorded.isEmpty() ? new RecordedStep(WriteOutcome.LEASE_LOST, null)
                : new RecordedStep(WriteOutcome.WRITTEN, recorded.get(0)));
    }
}
