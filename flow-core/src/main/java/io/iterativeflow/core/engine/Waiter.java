package io.iterativeflow.core.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

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
    final Check<T> check;

    /** {@code progressKey}: the cursor key whose recording pokes this waiter, or null for run endings only. */
    Waiter(UUID runId, String progressKey, Check<T> check) {
        this.runId = runId;
        this.progressKey = progressKey;
        this.check = check;
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
