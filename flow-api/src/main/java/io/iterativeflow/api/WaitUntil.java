package io.iterativeflow.api;

/**
 * What {@link FlowHandle#wait(String, WaitUntil, java.time.Duration)} waits for, and what it returns then
 * ({@code T}). New kinds of conditions may be added in later versions.
 *
 * @param <T> what the wait returns once the condition holds
 */
public sealed interface WaitUntil<T> permits WaitUntil.Step, WaitUntil.Terminal {

    /** Most characters of a cursor key: a step name (200) and its occurrence suffix. */
    int MAX_CURSOR_KEY_LENGTH = 220;

    /**
     * Until the step with this cursor key is recorded for good: completed, or failed with no tries left. The cursor
     * key of a step's first occurrence in a run is its name; later occurrences are {@code name:1}, {@code name:2}.
     * The wait fails with {@code WAIT_UNSATISFIABLE} when the run ends without recording it.
     *
     * @throws FlowException {@code ARGUMENT_INVALID} when the key is null, blank or too long
     */
    static WaitUntil<StepInfo> step(String cursorKey) {
        return new Step(cursorKey);
    }

    /** Until the run is terminal (completed, failed or canceled); returns the run as it ended. */
    static WaitUntil<RunInfo> terminal() {
        return new Terminal();
    }

    /** Waits for a recorded step; see {@link WaitUntil#step(String)}. */
    record Step(String cursorKey) implements WaitUntil<StepInfo> {

        public Step {
            if (cursorKey == null || cursorKey.isBlank()) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cursor key to wait for must not be"
                        + " null or blank; use the step's name");
            }
            if (cursorKey.length() > MAX_CURSOR_KEY_LENGTH) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cursor key to wait for is "
                        + cursorKey.length() + " characters long; at most " + MAX_CURSOR_KEY_LENGTH + " are allowed");
            }
        }
    }

    /** Waits for the run's end; see {@link WaitUntil#terminal()}. */
    record Terminal() implements WaitUntil<RunInfo> {
    }
}
