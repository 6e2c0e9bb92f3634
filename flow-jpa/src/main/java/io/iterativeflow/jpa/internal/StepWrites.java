package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * {@code recordStep}: the database's statement ({@link StepRecordStatement}) fences the attempt (renewing its lease),
 * records the result once and writes the event; one commit. A completed record is never overwritten: on conflict the
 * recorded value wins.
 */
public final class StepWrites {

    private static final String RECORDED = "SELECT s.result FROM FlowStep s WHERE s.runId = :runId"
            + " AND s.cursorKey = :cursorKey AND s.status = 'completed'";

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final StepRecordStatement statement;

    public StepWrites(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statement = database.stepRecord;
    }

    public RecordedStep record(Fence fence, StepCompletion step) {
        return statement.record(tx, clock, fence, step, leases.of(fence.owner()));
    }

    /** The record committed before ours (the write's snapshot may predate it); read it anew. */
    static String recorded(EntityManager em, Fence fence, StepCompletion step) {
        List<String> values = em.createQuery(RECORDED, String.class)
                .setParameter("runId", fence.runId())
                .setParameter("cursorKey", step.cursorKey())
                .getResultList();
        if (values.isEmpty()) {
            throw new IllegalStateException("step " + step.cursorKey() + " of run " + fence.runId()
                    + " was neither recorded nor found");
        }
        return values.get(0);
    }
}
