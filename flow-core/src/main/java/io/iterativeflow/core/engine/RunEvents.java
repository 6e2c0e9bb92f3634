package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.FlowListener.RunEvent;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the listeners about the transitions of runs: each through its own {@link FlowListener} method, then as one
 * {@link FlowEvent} payload.
 */
final class RunEvents {

    private static final Logger LOG = Logger.getLogger(RunEvents.class.getName());

    private RunEvents() {
    }

    static RunEvent of(ClaimedRun run) {
        return new RunEvent(run.flowName(), run.flowVersion(), run.runId().toString());
    }

    static void started(EngineParts parts, NewRun run) {
        started(parts, run.flowName(), run.flowVersion(), run.id().toString());
    }

    static void started(EngineParts parts, String flowName, int flowVersion, String runId) {
        RunEvent event = new RunEvent(flowName, flowVersion, runId);
        parts.listeners().fire("runStarted", l -> l.runStarted(event));
        flowEvent(parts, new FlowEvent.RunStarted(flowName, flowVersion, runId));
    }

    static void completed(EngineParts parts, ClaimedRun run) {
        parts.listeners().fire("runCompleted", l -> l.runCompleted(of(run)));
        flowEvent(parts, new FlowEvent.RunCompleted(run.flowName(), run.flowVersion(), run.runId().toString()));
    }

    static void failed(EngineParts parts, ClaimedRun run, FlowErrorCode code) {
        parts.listeners().fire("runFailed", l -> l.runFailed(of(run), code));
        flowEvent(parts, new FlowEvent.RunFailed(run.flowName(), run.flowVersion(), run.runId().toString(), code));
    }

    static void suspended(EngineParts parts, ClaimedRun run, String cursorKey, FlowEvent.RunSuspended.Wait wait) {
        parts.listeners().fire("runSuspended", l -> l.runSuspended(of(run)));
        flowEvent(parts, new FlowEvent.RunSuspended(run.flowName(), run.flowVersion(), run.runId().toString(),
                cursorKey, wait));
    }

    static void stepFinished(EngineParts parts, ClaimedRun run, String step, String cursorKey, int tryNumber,
            Duration took, StepOutcome outcome) {
        String name = outcome.succeeded() ? FlowListener.StepEvent.SUCCEEDED
                : outcome.timedOut() ? FlowListener.StepEvent.TIMED_OUT : FlowListener.StepEvent.FAILED;
        parts.listeners().fire("stepFinished", l -> l.stepFinished(new FlowListener.StepEvent(of(run), step,
                tryNumber, took, name)));
        FlowEvent.StepFinished.Outcome ended = outcome.succeeded() ? FlowEvent.StepFinished.Outcome.SUCCEEDED
                : outcome.timedOut() ? FlowEvent.StepFinished.Outcome.TIMED_OUT
                : FlowEvent.StepFinished.Outcome.FAILED;
        flowEvent(parts, new FlowEvent.StepFinished(run.flowName(), run.flowVersion(), run.runId().toString(),
                cursorKey, step, tryNumber, took, ended,
                outcome.succeeded() ? Optional.empty() : Optional.of(StepRunner.codeOf(outcome))));
    }

    /** Reads the canceled run's flow (one cheap read; cancels are rare) unless no listener would hear of it. */
    static void canceled(EngineParts parts, UUID runId) {
        if (parts.listeners().active() == 0) {
            return;
        }
        try {
            parts.store().state(runId).ifPresent(state -> {
                RunEvent event = new RunEvent(state.flowName(), state.flowVersion(), runId.toString());
                parts.listeners().fire("runCanceled", l -> l.runCanceled(event));
                flowEvent(parts, new FlowEvent.RunCanceled(state.flowName(), state.flowVersion(),
                        runId.toString()));
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not read canceled run " + runId + " for the listeners", e);
        }
    }

    private static void flowEvent(EngineParts parts, FlowEvent event) {
        parts.listeners().fire("flowEvent", l -> l.flowEvent(event));
    }
}
