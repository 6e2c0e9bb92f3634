package io.iterativeflow.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A typed entry point to one flow. Obtain it from {@link FlowEngine#flow}. Thread-safe. */
public interface FlowHandle<I, O> {

    String name();

    /** The version new runs start on: the newest deployed one. */
    int version();

    /**
     * Starts a run and returns its id. Called inside an active JTA transaction (in a Jakarta EE server, where the
     * engine has the container's transaction registry), the start joins it: the run exists, and starts, only when that
     * transaction commits; a rollback leaves nothing. Outside a transaction the run is durable once this returns.
     */
    default String start(I input) {
        return start(input, StartOptions.none());
    }

    /**
     * Starts a run. With an idempotency key, a second start with the same key returns the first run's id and
     * writes nothing.
     */
    String start(I input, StartOptions options);

    /**
     * Starts a run like {@link #start(Object, StartOptions)} and also tells whether this call created it or found the
     * run that already holds the idempotency key (then nothing was written). Inside a JTA transaction, "created"
     * means created in that transaction: the run exists once it commits.
     *
     * @throws UnsupportedOperationException from handles that cannot tell (the engine's own handles can)
     */
    default StartOutcome startWithOutcome(I input, StartOptions options) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot tell whether a start created its"
                + " run; use start(input, options)");
    }

    /**
     * Starts many runs in one transaction (the caller's JTA transaction when one is active, else its own) and returns
     * their ids in the order of {@code requests}: either every run is written or none is. A request whose idempotency
     * key is already taken (in the database or earlier in the list) yields the id of the run holding it. Every input
     * is checked before anything is written.
     */
    List<String> startAll(List<StartRequest<I>> requests);

    /** The output of a completed run; empty while the run is not completed. */
    Optional<O> output(String runId);

    /**
     * Blocks until the run is terminal and returns its output. Throws {@link RunFailedException} when the run failed
     * or was canceled, and {@link FlowException} with {@code RESULT_TIMEOUT} when {@code timeout} passes first.
     */
    O result(String runId, Duration timeout);

    /**
     * Like {@link #result(String, Duration)}, without holding a thread while waiting: the stage completes with the
     * output, or exceptionally with {@link RunFailedException}, {@code RESULT_TIMEOUT}, {@code RUN_NOT_FOUND} or
     * {@code ENGINE_STOPPED} (the engine stopped first). Dependent actions may run on the engine's threads: give
     * long ones an executor of your own ({@code thenApplyAsync(fn, executor)}).
     *
     * @throws FlowException {@code ARGUMENT_INVALID} for a null or negative timeout
     */
    CompletionStage<O> resultAsync(String runId, Duration timeout);

    /**
     * Blocks until {@code until} holds for the run (a step recorded, the run terminal) and returns what it names
     * (the step, the run). Works wherever the run executes. Throws {@code RESULT_TIMEOUT} when {@code timeout}
     * passes first, and {@code WAIT_UNSATISFIABLE} when the run ended without the condition ever holding.
     */
    <T> T wait(String runId, WaitUntil<T> until, Duration timeout);

    /** The run with its steps, timers and events; {@code RUN_NOT_FOUND} if this flow has no such run. */
    RunInfo status(String runId);

    /** Cancels a run of this flow; see {@link FlowEngine#cancel(String, String)}. */
    boolean cancel(String runId, String reason);
}
