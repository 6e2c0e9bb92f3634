package io.iterativeflow.core.engine;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays the deployed body of a code flow against the recorded history of one in-flight run, without running
 * anything: the body runs on the calling thread with the engine's own replay context, but over a store without a
 * database ({@link DryStore}) and a step invoker that runs no step. Recorded operations return their recorded
 * outcome; the first operation without a record ends the dry replay ({@link DryStop}). The run can be followed when
 * its whole history was asked for in order (the live replay's drift check) and the operation it waits at (its sleep,
 * signal, child or retrying step) was reached.
 */
final class DryReplay {

    private static final Logger LOG = Logger.getLogger(DryReplay.class.getName());

    /** For each waiting status: the audit event that names where the run waits, and the kind of that operation. */
    private static final Map<RunStatus, List<String>> WAITS = Map.of(
            RunStatus.SLEEPING, List.of("sleeping", "sleep"),
            RunStatus.AWAITING_SIGNAL, List.of("awaiting_signal", "signal"),
            RunStatus.AWAITING_CHILD, List.of("awaiting_child", "invoke"),
            RunStatus.RETRYING, List.of("step_retrying", "step"));

    private final EngineParts parts;

    DryReplay(EngineParts parts) {
        this.parts = parts;
    }

    /** Empty when {@code definition}'s body can follow {@code run}; else why it cannot. */
    Optional<String> check(FlowDefinition<?, ?> definition, RunInfo run) {
        ClaimedRun claimed = claimed(run);
        String runId = run.runId();
        Attempt attempt = new Attempt(claimed.fence(), Thread.currentThread()).startedByFrom(run::startedBy);
        AttemptWrites writes = new AttemptWrites(DryStore.create(), parts.clock(), attempt, claimed.history().size(),
                due -> { });
        StepRunner steps = new StepRunner(runId, attempt, writes, StepInvoker.refusing(), parts.codec(),
                Optional.empty(), Long.MAX_VALUE, (name, key, tries, took, outcome) -> { }, null);
        ReplayContext ctx = new ReplayContext(claimed, writes, steps, new ChildInvoker(runId, writes, parts.codec(),
                parts.settings(), parts.inputCheck(), null), parts.registry(), new SignalWait(runId, writes, parts.codec()));
        try {
            body(definition).run(ctx, parts.codec().fromJson(claimed.inputJson(), definition.inputType().type()));
            return followed(run, ctx.guard(), "returns");
        } catch (DryStop stop) {
            return followed(run, ctx.guard(), "stops at " + ctx.guard().lastKind() + " '" + ctx.guard().lastKey()
                    + "', which has no record");
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            if (ctx.guard().drift() != null) {
                return Optional.of(ctx.guard().drift().getMessage());
            }
            LOG.log(Level.FINE, thrown, () -> "the body of flow " + run.flowName() + "@" + run.flowVersion()
                    + " threw in the dry replay of run " + runId);
            return Optional.of("the deployed code throws when it replays the run's history"
                    + (ctx.guard().lastKey() == null ? "" : " (after " + ctx.guard().lastKind() + " '"
                            + ctx.guard().lastKey() + "')") + ": " + ErrorText.of(thrown));
        } finally {
            attempt.detach();
        }
    }

    /** Empty when the body reached the operation the run waits at and asked for the whole history in order. */
    private static Optional<String> followed(RunInfo run, ReplayGuard guard, String ending) {
        if (guard.drift() != null) {
            return Optional.of(guard.drift().getMessage());
        }
        List<String> wait = WAITS.get(run.status());
        Optional<String> waitsAt = wait == null ? Optional.empty() : run.events().stream()
                .filter(e -> e.type().equals(wait.get(0))).reduce((first, second) -> second)
                .flatMap(EventInfo::cursorKey);
        if (waitsAt.isPresent() && !guard.reached(waitsAt.get(), wait.get(1))) {
            return Optional.of("run " + run.runId() + " waits at " + wait.get(1) + " '" + waitsAt.get()
                    + "', which flow " + run.flowName() + "@" + run.flowVersion() + " as deployed never reaches:"
                    + " before it, the code " + ending + "; deploy the changed code under a new version");
        }
        try {
            guard.checkReturned();
            return Optional.empty();
        } catch (DriftException drift) {
            return Optional.of(drift.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static FlowBody<Object, Object> body(FlowDefinition<?, ?> definition) {
        return (FlowBody<Object, Object>) PipelineBody.of(definition);
    }

    /** The run as a claim would see it, owned by nobody. */
    private ClaimedRun claimed(RunInfo run) {
        List<HistoryEntry> history = run.steps().stream().map(DryReplay::entry).toList();
        List<TimerEntry> timers = run.timers().stream()
                .map(t -> new TimerEntry(t.cursorKey(), t.kind(), t.dueAt())).toList();
        return new ClaimedRun(java.util.UUID.fromString(run.runId()), run.flowName(), run.flowVersion(),
                run.inputJson().orElse("null"), run.attempts() + 1, run.attempts(), 1, "dry-replay",
                parts.clock().instant(), history, timers);
    }

    private static HistoryEntry entry(StepInfo step) {
        String status = step.completed() ? "completed" : step.finishedAt().isPresent() ? "failed" : "retrying";
        return new HistoryEntry(step.cursorKey(), step.name(), step.kind(), status, step.attempts(),
                step.resultJson().orElse(null), step.errorCode().map(Enum::name).orElse(null),
                step.errorMessage().orElse(null));
    }
}
