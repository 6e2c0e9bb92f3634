package io.iterativeflow.core.engine;

/** How one try of a step ended: a value, or a failure (a timeout is a failure with {@code timedOut}). */
record StepOutcome(Object value, Throwable failure, boolean timedOut) {

    static StepOutcome success(Object value) {
        return new StepOutcome(value, null, false);
    }

    static StepOutcome failed(Throwable failure) {
        return new StepOutcome(null, failure, false);
    }

    static StepOutcome timeout(Throwable failure) {
        return new StepOutcome(null, failure, true);
    }

    boolean succeeded() {
        return failure == null;
    }
}
