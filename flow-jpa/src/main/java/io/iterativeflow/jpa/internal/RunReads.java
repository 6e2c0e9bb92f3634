package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.jpa.internal.entity.EventEntity;
import io.iterativeflow.jpa.internal.entity.RunEntity;
import io.iterativeflow.jpa.internal.entity.StepEntity;
import io.iterativeflow.jpa.internal.entity.TimerEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads through the entities and JPQL: a run's state (cheap, for result polling) and its full details. */
public final class RunReads {

    /** Plain SQL on the hot path of result polling: no query object per call (see {@link SqlCall}). */
    private static final String STATE = "SELECT status, flow_name, flow_version, %s AS output,"
            + " error_code, error_message, started_by FROM workflow.runs WHERE id = :id";
    private static final String STEPS = "SELECT s FROM FlowStep s WHERE s.runId = :id"
            + " ORDER BY s.position, s.createdAt, s.cursorKey";
    private static final String TIMERS = "SELECT t FROM FlowTimer t WHERE t.runId = :id"
            + " ORDER BY t.dueAt, t.cursorKey";
    private static final String EVENTS = "SELECT e FROM FlowEvent e WHERE e.runId = :id ORDER BY e.id";

    private final Transactions tx;
    private final String state;

    public RunReads(Transactions tx, Database database) {
        this.tx = tx;
        this.state = STATE.formatted(database.fragments.jsonText("output"));
    }

    public Optional<RunState> state(UUID runId) {
        return tx.readOnly(em -> SqlCall.of(em, state).uuid("id", runId)
                .list(row -> new RunState(RunStatus.fromDbName(row.text("status")), row.text("flow_name"),
                        row.integer("flow_version"), row.text("output"), row.text("error_code"),
                        row.text("error_message"), Optional.ofNullable(row.text("started_by"))))
                .stream().findFirst());
    }

    public Optional<RunInfo> details(UUID runId) {
        return tx.readOnly(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            if (run == null) {
                return Optional.empty();
            }
            return Optional.of(RunInfoMapper.toInfo(run, list(em, STEPS, StepEntity.class, runId),
                    list(em, TIMERS, TimerEntity.class, runId), list(em, EVENTS, EventEntity.class, runId)));
        });
    }

    private static <T> List<T> list(EntityManager em, String jpql, Class<T> type, UUID runId) {
        return em.createQuery(jpql, type).setParameter("id", runId).getResultList();
    }
}
