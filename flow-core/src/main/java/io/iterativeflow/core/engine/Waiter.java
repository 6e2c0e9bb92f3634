package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One caller waiting for a condition on a run. It is registered in {@link Completions} before its first check
 * (subscribe, then check), so a transition that commits between the check and the wait still pokes it.
 */
abstract class Waiter<T> {

    /** Reads whether the condition holds: its value when it does, empty while it does not; throws if it never will. */
    @FunctionalInterface
    interface Check<T> {
        Optional<Done<T>> read();
    }

    /** The value of a condition that holds (may be null, e.g. the output of a {@code Void} flow). */
    record Done<T>(T value) {
    }

    private final UUID runId;
    private final String progressKey;
    private final Check<T> check;
    private final Function<RunState, Optional<Done<T>>> fromEnd;
    /** The run's final state, handed over by this instance right after it committed it; null until then. */
    private volatile RunState ended;

    /** {@code progressKey}: the cursor key whose recording pokes this waiter, or null for run endings only. */
    Waiter(UUID runId, String progressKey, Check<T> check) {
        this(runId, progressKey, check, null);
    }

    /**
     * {@code fromEnd}: the condition's value from the run's final state, for a waiter that a local ending can answer
     * without reading the run again (null when it needs the database, e.g. for a run's details).
     */
    Waiter(UUID runId, String progressKey, Check<T> check, Function<RunState, Optional<Done<T>>> fromEnd) {
        this.runId = runId;
        this.progressKey = progressKey;
        this.check = check;
        this.fromEnd = fromEnd;
    }

    /** The condition's value when it holds: from a handed-over final state when there is one, else read. */
    Optional<Done<T>> read() {
        RunState known = ended;
        return known != null && fromEnd != null ? fromEnd.apply(known) : check.read();
    }

    /** This instance committed the run's final state: the next check uses it instead of reading the run. */
    void ended(RunState state) {
        ended = state;
        poke();
    }

    UUID runId() {
        return runId;
    }

    boolean wakesOn(String cursorKey) {
        return progressKey != null && progressKey.equals(cursorKey);
    }

    /** Something happened to the run: check again soon. */
    abstract void poke();

    /** Ends the wait because the engine stopped (only waiters that hold no thread need it). */
    void engineStopped() {
    }

    /** Nanoseconds of {@code duration}, saturated instead of overflowing (timeouts may be huge). */
    static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
