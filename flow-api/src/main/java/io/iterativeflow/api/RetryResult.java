package io.iterativeflow.api;

/**
 * What {@link FlowEngine#retry(String)} did. Only a {@link RunStatus#FAILED failed} run is retried; every other
 * case is a result, not an exception:
 *
 * <pre>{@code
 * RetryResult result = engine.retry(runId);
 * if (result instanceof RetryResult.NotFailed notFailed) {
 *     log("run is " + notFailed.status() + "; nothing to retry");
 * }
 * }</pre>
 */
public sealed interface RetryResult {

    /** The run the result is about. */
    String runId();

    /** The run was failed and is ready again; its trailing failed steps were cleared. */
    record Retried(String runId) implements RetryResult {
    }

    /**
     * The run is not failed (it is running, waiting, completed or canceled), or another retry of it won the race:
     * nothing changed.
     */
    record NotFailed(String runId, RunStatus status) implements RetryResult {
    }

    /** There is no run with that id (it never existed, or retention removed it). */
    record NotFound(String runId) implements RetryResult {
    }
}
