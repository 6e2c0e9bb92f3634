package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StepFunction;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one try of a step. Without a timeout it runs on the body's thread. With one, it runs on a worker thread while
 * the body's thread waits; at the deadline the step's token is cancelled and its thread interrupted, and the try fails
 * with {@code STEP_TIMEOUT} at once, even if the step ignores both (its late result is dropped).
 */
final class StepInvoker {

    private final ExecutorService executor;

    StepInvoker(ExecutorService executor) {
        this.executor = executor;
    }

    /** The invoker of a dry replay: it runs no step, and ends the dry replay at the first one without a record. */
    static StepInvoker refusing() {
        return new StepInvoker(null);
    }

    StepOutcome invoke(StepFunction<?> fn, Scope scope, Token token, Optional<Duration> timeout, Attempt attempt) {
        if (executor == null) {
            throw new DryStop("step '" + scope.cursorKey() + "'");
        }
        if (timeout.isEmpty()) {
            try {
                return StepOutcome.success(fn.apply(scope));
            } catch (Exception | LinkageError | AssertionError e) {
                return StepOutcome.failed(e);
            }
        }
        Future<?> future = executor.submit(() -> fn.apply(scope));
        try {
            return StepOutcome.success(future.get(timeout.get().toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return StepOutcome.failed(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            token.cancel("timed out after " + timeout.get());
            future.cancel(true);
            return StepOutcome.timeout(new FlowException(FlowErrorCode.STEP_TIMEOUT, "step '" + scope.stepName()
                    + "' did not finish within " + timeout.get() + "; raise its timeout or make it faster", e));
        } catch (InterruptedException e) {
            token.cancel("attempt interrupted");
            future.cancel(true);
            attempt.checkLive();
            Thread.currentThread().interrupt();
            return StepOutcome.failed(e);
        }
    }
}
