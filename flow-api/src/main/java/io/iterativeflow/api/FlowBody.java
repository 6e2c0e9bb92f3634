package io.iterativeflow.api;

/**
 * The code of a flow. The engine calls {@link #run} from the top on every attempt; everything done through the
 * {@link FlowContext} is recorded, so a replay returns recorded results instead of doing the work again. Code outside
 * {@code ctx.step(...)} must therefore be deterministic and free of side effects.
 *
 * @param <I> the input type, serialized as JSON
 * @param <O> the output type, serialized as JSON ({@link Void} for none)
 */
@FunctionalInterface
public interface FlowBody<I, O> {

    O run(FlowContext ctx, I input) throws Exception;
}
