package io.iterativeflow.api;

/**
 * The work of a step in a {@link Pipeline}: it gets the pipeline's current state and returns the next state, which
 * is recorded as JSON and returned, unchanged, on every replay.
 *
 * @param <S> the state before the step
 * @param <N> the state after it
 */
@FunctionalInterface
public interface StateStep<S, N> {

    N apply(S state, StepScope scope) throws Exception;
}
