package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.FlowListener.RunEvent;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Tells the listeners about the transitions of runs. */
final class RunEvents {

    private static final Logger LOG = Logger.getLogger(RunEvents.class.getName());

    private RunEvents() {
    }

    static RunEvent of(ClaimedRun run) {
        return new RunEvent(run.flowName(), run.flowVersion(), run.runId().toString());
    }

    static void started(EngineParts parts, NewRun run) {
        parts.listeners().fire("runStarted", l -> l.runStarted(new RunEvent(run.flowName(), run.flowVersion(),
                run.id().toString())));
    }

    static void completed(EngineParts parts, ClaimedRun run) {
        parts.listeners().fire("runCompleted", l -> l.runCompleted(of(run)));
    }

    static void failed(EngineParts parts, ClaimedRun run, FlowErrorCode code) {
        parts.listeners().fire("runFailed", l -> l.runFailed(of(run), code));
    }

    static void suspended(EngineParts parts, ClaimedRun run) {
        parts.listeners().fire("runSuspended", l -> l.runSuspended(of(run)));
    }

    static void stepFinished(EngineParts parts, RunEvent run, String step, int tryNumber, Duration took,
            String outcome) {
        parts.listeners().fire("stepFinished", l -> l.stepFinished(new FlowListener.StepEvent(run, step, tryNumber,
                took, outcome)));
    }

    /** Reads the canceled run's flow (one cheap read; cancels are rare) unless no listener would hear of it. */
    static void canceled(EngineParts parts, UUID runId) {
        if (parts.listeners().active() == 0) {
            return;
        }
        try {
            parts.store().state(runId).ifPresent(state -> parts.listeners().fire("runCanceled", l -> l.runCanceled(
                    new RunEvent(state.flowName(), state.flowVersion(), runId.toString()))));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not read canceled run " + runId + " for the listeners", e);
        }
    }
}
