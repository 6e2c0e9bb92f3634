package io.iterativeflow.api;

/**
 * Tells a step that its result is no longer wanted (timeout, cancel, lost lease). Long-running steps should poll it
 * or register a callback; the engine also interrupts the step's thread.
 */
public interface CancellationToken {

    boolean isCancelled();

    /** Throws {@link FlowException} with code {@link FlowErrorCode#STEP_CANCELED} when cancellation was requested. */
    void throwIfCancelled();

    /** Runs {@code callback} once when cancellation is requested, at once if it already was. */
    void onCancel(Runnable callback);
}
