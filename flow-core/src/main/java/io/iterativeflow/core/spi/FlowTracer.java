package io.iterativeflow.core.spi;

/**
 * Traces runs: a span for each attempt and for each try of a step, and the trace context stored with a run at its
 * start, which every attempt continues. Set one on the engine builder to turn tracing on; without one, the engine
 * calls nothing here and allocates nothing for tracing.
 *
 * <p>Contexts travel as W3C {@code traceparent} strings, so the engine and the database know nothing of the tracing
 * library. An implementation must not throw: the engine guards the calls of an attempt's start and end, but a run
 * never depends on its traces.
 */
public interface FlowTracer {

    /** The attempt or step ended as it should: the run completed, the step returned. */
    String COMPLETED = "completed";
    /** The run failed for good, or the step failed for good (thrown to the body). */
    String FAILED = "failed";
    /** A try of the step failed; another try is scheduled. */
    String RETRYING = "retrying";
    /** The attempt suspended the run: a sleep, a signal wait, a child, a retry's back-off. */
    String SUSPENDED = "suspended";
    /** The attempt ended before the run did: cancelled, lease lost, engine stopping; its step did not finish. */
    String ABORTED = "aborted";
    /** The attempt ended unexpectedly; the run is tried again when its lease expires. */
    String CRASHED = "crashed";

    /**
     * The trace context of the caller, to store with a run it starts now; null when it has none. Called on the
     * starting thread, once per start.
     */
    String currentContext();

    /**
     * Opens the span of one attempt, a child of {@code traceParent} (the context stored with the run, or null), and
     * makes it the current span of this thread until it ends. Returns null when the attempt is not traced.
     */
    AttemptSpan attemptStarted(String flowName, int flowVersion, String runId, int attempt, String traceParent);

    /** The span of one attempt; used by the attempt's thread only. */
    interface AttemptSpan {

        /** The context of this span, stored with the child runs the attempt starts. */
        String context();

        /**
         * Opens the span of one try of a step, a child of this attempt's span, current on this thread until it ends.
         */
        StepSpan stepStarted(String stepName, String cursorKey, int tryNumber);

        /**
         * Ends the span. {@code outcome} is one of the constants of {@link FlowTracer}; {@code errorCode},
         * {@code errorMessage} and {@code error} describe a failed run (each may be null).
         */
        void ended(String outcome, String errorCode, String errorMessage, Throwable error);
    }

    /** The span of one try of a step. */
    interface StepSpan {

        /** Ends the span; {@code error} is the step's failure, or null. */
        void ended(String outcome, Throwable error);
    }
}
