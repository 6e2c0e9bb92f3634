package io.iterativeflow.api;

import java.time.Duration;
import java.util.Optional;

/**
 * What happened to a run: the payload of the lifecycle events the engine fires as CDI events (observe them with
 * {@code @Observes} or {@code @ObservesAsync}, narrowed to one flow with {@link FlowName}) and hands to
 * {@link FlowListener#flowEvent(FlowEvent)}. Each payload is immutable and names the run's flow, version and id.
 *
 * <p>An event is fired once the transition it tells of has been written, by the instance that made it.
 */
public sealed interface FlowEvent permits FlowEvent.RunStarted, FlowEvent.StepFinished, FlowEvent.RunSuspended,
        FlowEvent.RunCompleted, FlowEvent.RunFailed, FlowEvent.RunCanceled {

    /** The name of the run's flow. */
    String flowName();

    /** The version of the run's flow. */
    int flowVersion();

    /** The run's id. */
    String runId();

    /**
     * A run was created: by a start, or as the child a run invokes (not a start that found an existing run for its
     * idempotency key).
     */
    record RunStarted(String flowName, int flowVersion, String runId) implements FlowEvent {

        public RunStarted {
            EventChecks.run(flowName, flowVersion, runId);
        }
    }

    /**
     * One try of a step ended.
     *
     * @param cursorKey the step's key in the run's history ({@code charge}, {@code charge:1}, ...)
     * @param tryNumber the try that ended, 1 for the first
     * @param duration how long the try took
     * @param errorCode why the try failed ({@code STEP_FAILED}, {@code STEP_TIMEOUT}, ...); empty when it succeeded
     */
    record StepFinished(String flowName, int flowVersion, String runId, String cursorKey, String stepName,
            int tryNumber, Duration duration, Outcome outcome, Optional<FlowErrorCode> errorCode)
            implements FlowEvent {

        public StepFinished {
            EventChecks.run(flowName, flowVersion, runId);
            EventChecks.notNull(cursorKey, "cursorKey");
            EventChecks.notNull(stepName, "stepName");
            EventChecks.notNull(duration, "duration");
            EventChecks.notNull(outcome, "outcome");
            EventChecks.notNull(errorCode, "errorCode");
            if (tryNumber < 1) {
                throw new IllegalArgumentException("tryNumber must be 1 or more, got " + tryNumber);
            }
        }

        /** How a try of a step ended. */
        public enum Outcome {
            SUCCEEDED, FAILED, TIMED_OUT
        }
    }

    /**
     * An attempt ended because the run waits; no thread is held while it does.
     *
     * @param cursorKey the key of the operation it waits at ({@code cooling-off}, {@code signal:decision},
     *     {@code invoke:shipping@1}, or the step that retries)
     */
    record RunSuspended(String flowName, int flowVersion, String runId, String cursorKey, Wait waitingFor)
            implements FlowEvent {

        public RunSuspended {
            EventChecks.run(flowName, flowVersion, runId);
            EventChecks.notNull(cursorKey, "cursorKey");
            EventChecks.notNull(waitingFor, "waitingFor");
        }

        /** What a suspended run waits for. */
        public enum Wait {
            /** a sleep's due time */
            SLEEP,
            /** a signal (or its timeout) */
            SIGNAL,
            /** a child run to end */
            CHILD,
            /** the back-off before the next try of a failed step */
            RETRY
        }
    }

    /** A run completed. */
    record RunCompleted(String flowName, int flowVersion, String runId) implements FlowEvent {

        public RunCompleted {
            EventChecks.run(flowName, flowVersion, runId);
        }
    }

    /** A run failed for good, with {@code errorCode}. */
    record RunFailed(String flowName, int flowVersion, String runId, FlowErrorCode errorCode) implements FlowEvent {

        public RunFailed {
            EventChecks.run(flowName, flowVersion, runId);
            EventChecks.notNull(errorCode, "errorCode");
        }
    }

    /** A run was canceled (on the instance that canceled it). */
    record RunCanceled(String flowName, int flowVersion, String runId) implements FlowEvent {

        public RunCanceled {
            EventChecks.run(flowName, flowVersion, runId);
        }
    }
}
