package io.iterativeflow.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A typed, immutable builder of a flow as a static node tree: steps, sleeps, signal waits and child flows in order,
 * with branches and loops. A state of type {@code S} flows through the nodes: each step, signal or child makes the
 * next state, and {@link #output} maps the last state to the flow's output. Every method returns a new pipeline and
 * leaves this one unchanged, and refuses bad arguments with an {@link IllegalArgumentException} naming the problem.
 *
 * <pre>{@code
 * FlowDefinition<Order, Receipt> flow = FlowDefinition.builder("order", Order.class, Receipt.class)
 *     .steps(Pipeline.<Order>start()
 *         .step("validate", Order.class, (order, scope) -> validate(order))
 *         .branch("size", order -> order.total() > 1000,
 *             big -> big.signal("approval", Approval.class, (order, approval) -> order.approved(approval)),
 *             small -> small)
 *         .loop("poll", Order::paid, 100, body -> body.sleep("wait", Duration.ofMinutes(5))
 *             .step("check", Order.class, (order, scope) -> billing.refresh(order)))
 *         .output(order -> new Receipt(order.id())))
 *     .build();
 * }</pre>
 *
 * <p>Conditions, input and merge functions run on every replay and must be pure functions of the state; only step
 * functions may have side effects. Steps and sleeps take their cursor keys from their names, so names that repeat
 * (in a loop, or in nested levels) get the occurrences {@code name:1}, {@code name:2}.
 *
 * @param <I> the flow's input type, the first state
 * @param <S> the state after the last node
 */
public final class Pipeline<I, S> {

    private final String level;
    private final List<PipelineNode> nodes;

    private Pipeline(String level, List<PipelineNode> nodes) {
        this.level = level;
        this.nodes = PipelineChecks.level(level, nodes);
    }

    /** An empty pipeline whose state is the flow's input. */
    public static <I> Pipeline<I, I> start() {
        return new Pipeline<>("pipeline", List.of());
    }

    /** The nodes so far, in order; immutable. */
    public List<PipelineNode> nodes() {
        return nodes;
    }

    /** A step whose result becomes the new state; see {@link FlowContext#step}. */
    public <N> Pipeline<I, N> step(String name, Class<N> type, StateStep<? super S, ? extends N> fn) {
        return step(name, type, StepOptions.defaults(), fn);
    }

    /** A step with retries, back-off or a timeout. */
    public <N> Pipeline<I, N> step(String name, Class<N> type, StepOptions options,
            StateStep<? super S, ? extends N> fn) {
        PipelineChecks.notNull(name, "result type", type);
        return step(name, TypeRef.of(type), options, fn);
    }

    /** The general form, for generic result types. */
    public <N> Pipeline<I, N> step(String name, TypeRef<N> type, StepOptions options,
            StateStep<? super S, ? extends N> fn) {
        return then(new PipelineNode.Step(name, type, options, erase(fn)));
    }

    /** A durable sleep; the state does not change. See {@link FlowContext#sleep(String, Duration)}. */
    public Pipeline<I, S> sleep(String name, Duration duration) {
        return then(new PipelineNode.Sleep(name, duration));
    }

    /** Waits for the signal {@code name} without a timeout; {@code merge} makes the new state from its payload. */
    public <P, N> Pipeline<I, N> signal(String name, Class<P> type,
            BiFunction<? super S, ? super P, ? extends N> merge) {
        return signal(name, type, SignalOptions.none(), merge);
    }

    /** Waits for a signal with options (a timeout). The flow definition declares the signal and its type. */
    public <P, N> Pipeline<I, N> signal(String name, Class<P> type, SignalOptions options,
            BiFunction<? super S, ? super P, ? extends N> merge) {
        PipelineChecks.notNull(name, "payload type", type);
        return signal(name, TypeRef.of(type), options, merge);
    }

    /** The general form, for generic payload types. */
    public <P, N> Pipeline<I, N> signal(String name, TypeRef<P> type, SignalOptions options,
            BiFunction<? super S, ? super P, ? extends N> merge) {
        return then(new PipelineNode.Signal(name, type, options, erase(merge), Optional.empty()));
    }

    /**
     * Waits for a signal at most {@code timeout}: {@code merge} makes the new state from its payload, or
     * {@code onTimeout} from the state when the timeout passed without one (instead of failing the run with
     * {@code SIGNAL_TIMEOUT}).
     */
    public <P, N> Pipeline<I, N> signal(String name, Class<P> type, Duration timeout,
            BiFunction<? super S, ? super P, ? extends N> merge, Function<? super S, ? extends N> onTimeout) {
        PipelineChecks.notNull(name, "payload type", type);
        PipelineChecks.notNull(name, "timeout mapping", onTimeout);
        return then(new PipelineNode.Signal(name, TypeRef.of(type), SignalOptions.timeout(timeout), erase(merge),
                Optional.of(erase(onTimeout))));
    }

    /** Runs {@code child} as a child run; see {@link FlowContext#invoke(FlowDefinition, Object)}. */
    public <CI, CO, N> Pipeline<I, N> invoke(FlowDefinition<CI, CO> child, Function<? super S, ? extends CI> input,
            BiFunction<? super S, ? super CO, ? extends N> merge) {
        return invoke(child, InvokeOptions.none(), input, merge);
    }

    /** A child run with tags or an idempotency key. */
    public <CI, CO, N> Pipeline<I, N> invoke(FlowDefinition<CI, CO> child, InvokeOptions options,
            Function<? super S, ? extends CI> input, BiFunction<? super S, ? super CO, ? extends N> merge) {
        return then(new PipelineNode.Invoke(child, options, erase(input), erase(merge)));
    }

    /**
     * Goes on with the nodes {@code whenTrue} adds to an empty pipeline when {@code condition} holds for the state,
     * else with those {@code whenFalse} adds. Both end in the same state type.
     */
    public <N> Pipeline<I, N> branch(String name, Predicate<? super S> condition,
            Function<Pipeline<S, S>, Pipeline<S, N>> whenTrue, Function<Pipeline<S, S>, Pipeline<S, N>> whenFalse) {
        PipelineChecks.name("branch", name);
        List<PipelineNode> yes = arm("branch '" + name + "' (true)", whenTrue);
        List<PipelineNode> no = arm("branch '" + name + "' (false)", whenFalse);
        return then(new PipelineNode.Branch(name, erase(condition), yes, no));
    }

    /**
     * Repeats the nodes {@code body} adds to an empty pipeline until {@code until} holds for the state (tested before
     * each iteration). A run whose loop does {@code maxIterations} iterations and still does not meet the condition
     * fails with {@link FlowErrorCode#LOOP_LIMIT_EXCEEDED}.
     */
    public Pipeline<I, S> loop(String name, Predicate<? super S> until, int maxIterations,
            UnaryOperator<Pipeline<S, S>> body) {
        PipelineChecks.name("loop", name);
        return then(new PipelineNode.Loop(name, erase(until), maxIterations, arm("loop '" + name + "'", body)));
    }

    /** Ends the pipeline: {@code mapping} turns the last state into the flow's output. */
    public <O> FlowSteps<I, O> output(Function<? super S, ? extends O> mapping) {
        PipelineChecks.notNull("output", "output mapping", mapping);
        return new FlowSteps<>(nodes, erase(mapping));
    }

    private <N> Pipeline<I, N> then(PipelineNode node) {
        List<PipelineNode> more = new ArrayList<>(nodes);
        more.add(node);
        return new Pipeline<>(level, more);
    }

    private static <S, N> List<PipelineNode> arm(String where, Function<Pipeline<S, S>, Pipeline<S, N>> build) {
        if (build == null) {
            throw new IllegalArgumentException(where + ": the function that builds it must not be null");
        }
        Pipeline<S, N> built = build.apply(new Pipeline<>(where, List.of()));
        if (built == null) {
            throw new IllegalArgumentException(where + ": the function that builds it returned null; return the"
                    + " pipeline it was given, with nodes added");
        }
        return built.nodes;
    }

    @SuppressWarnings("unchecked")
    private static <T> T erase(Object function) {
        return (T) function;
    }
}
