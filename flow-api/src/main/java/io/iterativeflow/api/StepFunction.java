package io.iterativeflow.api;

/** The work of one step. Its return value is recorded as JSON and returned, unchanged, on every replay. */
@FunctionalInterface
public interface StepFunction<T> {

    T apply(StepScope scope) throws Exception;
}
