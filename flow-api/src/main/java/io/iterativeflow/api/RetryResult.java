package io.iterativeflow.api;

/**
 * What {@link FlowEngine#retry(String)} did. Only a {@link RunStatus#FAILED failed} run is retried; every other
 * case is a result, not an exception, so a caller can switch over it:
 *
 * <pre>{@code
 * switch (engine.retry(runId)) {
 *     case RetryResult.Retried r -> log("retrying " + r.runId());
 *     case RetryResult.NotFailed n -> log("run is " + n.status() + ", nothing to retry");
 *     case RetryResult.NotFound n -> log("no run " + n.runId());
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
