package io.iterativeflow.api;

/** One run of a bulk start ({@link FlowHandle#startAll}): its input and its options. Immutable. */
public final class StartRequest<I> {

    private final I input;
    private final StartOptions options;

    private StartRequest(I input, StartOptions options) {
        this.input = input;
        this.options = options;
    }

    /** A run with {@code input} and no options. */
    public static <I> StartRequest<I> of(I input) {
        return new StartRequest<>(input, StartOptions.none());
    }

    /** A run with {@code input} and {@code options} (an idempotency key, tags, a delay, a priority). */
    public static <I> StartRequest<I> of(I input, StartOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("start options must not be null; use StartOptions.none()");
        }
        return new StartRequest<>(input, options);
    }

    public I input() {
        return input;
    }

    public StartOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "StartRequest[input=" + input + ", idempotencyKey=" + options.idempotencyKey().orElse(null) + "]";
    }
}
