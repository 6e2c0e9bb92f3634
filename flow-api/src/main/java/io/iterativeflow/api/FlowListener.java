package io.iterativeflow.api;

import java.time.Duration;

/**
 * Observes what the engine does, for metrics, logs or alerts. Every method has an empty default; implement the ones
 * you need. Produce an implementation as a CDI bean (any scope) and the engine calls it.
 *
 * <p>Calls happen on engine threads, synchronously, right after the fact was written: keep them quick and never block.
 * A listener cannot harm the engine: the first exception it throws is logged once, and the listener is not called
 * again.
 */
public interface FlowListener {

    /**
     * A run was created: by a start, or as the child a run invokes (not a start or invoke that found an existing run
     * for the same idempotency key).
     */
    default void runStarted(RunEvent run) {
    }

    default void runCompleted(RunEvent run) {
    }

    default void runFailed(RunEvent run, FlowErrorCode code) {
    }

    default void runCanceled(RunEvent run) {
    }

    /** An attempt ended because the run waits (sleep, signal, retry back-off); no thread is held for it. */
    default void runSuspended(RunEvent run) {
    }

    /** One try of a step ended. */
    default void stepFinished(StepEvent step) {
    }

    /** A signal was sent to a run; {@code result} is the delivery result in lower case ({@code delivered}, …). */
    default void signalSent(SignalEvent signal) {
    }

    /**
     * Each run started, step finished, run suspended, completed, failed or canceled, once more as one immutable
     * payload: the same payloads that {@code flow-cdi} fires as CDI events. Called after the specific method above.
     */
    default void flowEvent(FlowEvent event) {
    }

    /** The reconciler looked for runs whose owner stopped renewing its lease, and made them ready again. */
    default void reconcilerSwept(int reclaimedRuns) {
    }

    /** Which run an event is about. */
    record RunEvent(String flowName, int flowVersion, String runId) {
    }

    /**
     * One try of a step.
     *
     * @param outcome {@code succeeded}, {@code failed} or {@code timed_out}
     */
    record StepEvent(RunEvent run, String stepName, int tryNumber, Duration duration, String outcome) {

        public static final String SUCCEEDED = "succeeded";
        public static final String FAILED = "failed";
        public static final String TIMED_OUT = "timed_out";
    }

    /** A signal and what became of it. */
    record SignalEvent(String runId, String signalName, String result) {
    }
}
