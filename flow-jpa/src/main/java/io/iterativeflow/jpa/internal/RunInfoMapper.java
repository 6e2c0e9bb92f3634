package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.TimerInfo;
import io.iterativeflow.jpa.internal.entity.EventEntity;
import io.iterativeflow.jpa.internal.entity.RunEntity;
import io.iterativeflow.jpa.internal.entity.StepEntity;
import io.iterativeflow.jpa.internal.entity.TimerEntity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Entities to the API's snapshot records. */
final class RunInfoMapper {

    private RunInfoMapper() {
    }

    static RunInfo toInfo(RunEntity run, List<StepEntity> steps, List<TimerEntity> timers,
            List<EventEntity> events) {
        RunStatus status = RunStatus.fromDbName(run.status());
        boolean waiting = !status.isTerminal() && status != RunStatus.RUNNING;
        return new RunInfo(run.id().toString(), run.flowName(), run.flowVersion(), status, run.attempts(),
                Optional.ofNullable(run.idempotencyKey()), Set.copyOf(Arrays.asList(run.tags())), run.priority(),
                Optional.ofNullable(run.input()), Optional.ofNullable(run.output()), errorCode(run.errorCode()),
                Optional.ofNullable(run.errorMessage()), run.createdAt(), run.updatedAt(),
                waiting && run.availableAt().isBefore(SignalSql.NEVER_INSTANT) ? Optional.of(run.availableAt())
                        : Optional.empty(), Optional.ofNullable(run.finishedAt()),
                steps.stream().map(RunInfoMapper::step).toList(),
                timers.stream().map(t -> new TimerInfo(t.cursorKey(), t.kind(), t.dueAt(),
                        Optional.ofNullable(t.firedAt()))).toList(),
                events.stream().map(e -> new EventInfo(e.id(), e.type(), e.attempt(),
                        Optional.ofNullable(e.cursorKey()), Optional.ofNullable(e.detail()), e.at(),
                        Optional.ofNullable(e.actor()))).toList(),
                false, Optional.ofNullable(run.startedBy()));
    }

    private static StepInfo step(StepEntity s) {
        return new StepInfo(s.cursorKey(), s.name(), s.kind(), "completed".equals(s.status()), s.attempts(),
                Optional.ofNullable(s.result()), errorCode(s.errorCode()), Optional.ofNullable(s.errorMessage()),
                s.createdAt(), Optional.ofNullable(s.finishedAt()));
    }

    /** Codes the engine stored are {@link FlowErrorCode} names; anything else (a foreign row) reads as absent. */
    static Optional<FlowErrorCode> errorCode(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FlowErrorCode.valueOf(stored));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
