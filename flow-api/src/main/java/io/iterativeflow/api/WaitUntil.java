package io.iterativeflow.api;

/**
 * What {@link FlowHandle#wait(String, WaitUntil, java.time.Duration)} waits for, and what it returns then
 * ({@code T}). New kinds of conditions may be added in later versions.
 *
 * @param <T> what the wait returns once the condition holds
 */
public sealed interface WaitUntil<T> permits WaitUntil.Step, WaitUntil.Terminal,
        WaitUntil.Signal {

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

    /**
     * Until the run waits for a signal with this name, or has received one: its status is {@code awaiting_signal}
     * and the wait it is suspended in ({@code ctx.signal(name, ...)}, a builder flow's signal node) is for this
     * name, or its history holds a consumed signal of this name (a {@code signal} entry, completed). Returns the run
     * as it was read then. A wait whose timeout passed without a signal counts as neither. Use it to send a signal
     * only once the flow is ready for it (a signal sent earlier is buffered, so this is never needed for
     * correctness). The wait fails with {@code WAIT_UNSATISFIABLE} when the run ends without either. Without
     * notifications for suspensions it is noticed at the next poll ({@code flow.worker.poll-interval}).
     *
     * @throws FlowException {@code ARGUMENT_INVALID} when the name is null, blank, longer than 200 characters, or
     *     holds {@code :} or {@code #}
     */
    static WaitUntil<RunInfo> signal(String name) {
        return new Signal(name);
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

    /** Waits until the run waits for, or has received, a signal; see {@link WaitUntil#signal(String)}. */
    record Signal(String name) implements WaitUntil<RunInfo> {

        public Signal {
            if (name == null || name.isBlank()) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the signal name to wait for must not be"
                        + " null or blank; use the name the flow passes to ctx.signal");
            }
            if (name.length() > 200 || name.indexOf(':') >= 0 || name.indexOf('#') >= 0) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the signal name to wait for must be at most"
                        + " 200 characters without ':' or '#', as signal names are; got one of " + name.length()
                        + " characters");
            }
        }
    }
}
